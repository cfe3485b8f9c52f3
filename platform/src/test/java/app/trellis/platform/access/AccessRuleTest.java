package app.trellis.platform.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.access.AccessShapes.CaseShape;
import app.trellis.platform.access.AccessShapes.CaseTable;
import app.trellis.platform.access.AccessShapes.ClientShape;
import app.trellis.platform.access.AccessShapes.ConsentTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule in memory; the query side is held to the same answers against MariaDB in case-service. */
class AccessRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Viewer NORA = Viewer.caseworker("north", "sub-nora", "team-a");
    private static final Viewer LONE = Viewer.caseworker("north", "sub-lone", null);
    private static final Viewer PARTNER = Viewer.partner("north", "partner-north", TODAY);

    @Test
    void aCaseManagerWorksTheirOwnAndTheirTeamsCasesAndANullTeamNeverMatches() {
        assertTrue(AccessRule.seesCase(NORA, new Responsibility("sub-nora", null), List::of));
        assertTrue(AccessRule.seesCase(NORA, new Responsibility("sub-ned", "team-a"), List::of));
        assertFalse(AccessRule.seesCase(NORA, new Responsibility("sub-carl", "team-b"), List::of));
        assertFalse(AccessRule.seesCase(LONE, new Responsibility("sub-ned", null), List::of));
        assertFalse(AccessRule.seesCase(NORA, new Responsibility("nora", "team-b"), List::of), "a user name is not a subject");
    }

    @Test
    void aClientIsSeenThroughItsRegistrationOrAnyCaseTheViewerWorks() {
        Responsibility carls = new Responsibility("sub-carl", "team-b");
        assertFalse(AccessRule.seesClient(NORA, carls, List::of, List::of));
        assertTrue(AccessRule.seesClient(NORA, carls, () -> List.of(carls, new Responsibility("sub-ned", "team-a")), List::of));
        assertTrue(AccessRule.seesClient(NORA, new Responsibility("sub-nora", null), () -> {
            throw new AssertionError("cases are not asked for when the registration decides");
        }, List::of));
    }

    @Test
    void aPartnerSeesOnlyWhileADataSharingConsentNamingItIsInForce() {
        Responsibility any = new Responsibility("sub-nora", "team-a");
        SharingConsent good = new SharingConsent("data-sharing", "partner-north", true, TODAY, TODAY);
        assertTrue(AccessRule.seesCase(PARTNER, any, () -> List.of(good)));
        assertFalse(AccessRule.seesCase(PARTNER, any, List::of));
        assertFalse(AccessRule.seesCase(PARTNER, any, () -> List.of(
                new SharingConsent("data-sharing", "partner-south", true, TODAY, null),
                new SharingConsent("treatment", "partner-north", true, TODAY, null),
                new SharingConsent("data-sharing", "partner-north", false, TODAY, null),
                new SharingConsent("data-sharing", "partner-north", true, TODAY.plusDays(1), null),
                new SharingConsent("data-sharing", "partner-north", true, TODAY.minusDays(9), TODAY.minusDays(1)))));
        assertFalse(AccessRule.seesClient(PARTNER, new Responsibility("x", null), List::of, List::of));
    }

    @Test
    void aSupervisorSeesTheTenantAndGetsNoFilter() {
        Viewer sam = Viewer.wholeTenant("north", "sub-sam");
        assertTrue(AccessRule.seesCase(sam, new Responsibility("anyone", null), List::of));
        assertEquals(Optional.empty(), AccessRule.caseFilter(sam, new CaseShape("k.a", "k.t", "k.c"), consents()));
    }

    @Test
    void theQueryConditionBindsTheSubjectAndTheTenantNeverTheName() {
        Condition condition = AccessRule.clientFilter(NORA, new ClientShape("c.id", "c.registeredBy", "c.team"),
                new CaseTable("CaseFile", "tenantId", "clientId", "assignee", "team"), consents()).orElseThrow();
        assertEquals("sub-nora", condition.parameters().get("accMe"));
        assertEquals("team-a", condition.parameters().get("accTeam"));
        assertEquals("north", condition.parameters().get("accTenant"));
        assertTrue(condition.text().contains("c.registeredBy = :accMe"), condition.text());
        Condition lone = AccessRule.caseFilter(LONE, new CaseShape("k.assignee", "k.team", "k.clientId"), consents())
                .orElseThrow();
        assertEquals("", lone.parameters().get("accTeam"), "no team binds a value no stored team can equal");
    }

    private static ConsentTable consents() {
        return new ConsentTable("Consent", "tenantId", "clientId", "type", "partner", "status", "effectiveDate", "expiryDate");
    }
}
