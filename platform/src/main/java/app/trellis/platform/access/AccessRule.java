package app.trellis.platform.access;

import app.trellis.platform.access.AccessShapes.CaseShape;
import app.trellis.platform.access.AccessShapes.CaseTable;
import app.trellis.platform.access.AccessShapes.ClientShape;
import app.trellis.platform.access.AccessShapes.ConsentTable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who sees what, in one place. Every check on one record and every list query in every service comes
 * from here, so the two can never disagree:
 * <ul>
 *   <li>a supervisor sees the whole tenant;</li>
 *   <li>a case manager sees the cases they or their team are responsible for, and the clients of those
 *       cases, and the clients they or their team registered (before any case exists);</li>
 *   <li>a partner system sees a client, and the client's cases, only while a data-sharing consent naming
 *       that partner is in force, whatever scopes it holds (scopes say what kind of data, consents whose).</li>
 * </ul>
 * Teams only match when both sides have one. Break-glass is not part of the rule: it is an exception to
 * it, granted per case, time-boxed and read-only, and the service that keeps grants applies it on top.
 * Identity is always the token's subject, never a user name.
 */
public final class AccessRule {

    private AccessRule() {
    }

    /** Whether the viewer sees a case with this responsibility, whose client has these consents. */
    public static boolean seesCase(Viewer viewer, Responsibility caseResponsibility,
                                   Supplier<? extends Collection<SharingConsent>> consentsOfClient) {
        return switch (viewer.kind()) {
            case WHOLE_TENANT -> true;
            case PARTNER -> sharedWith(viewer, consentsOfClient.get());
            case CASEWORKER -> answersFor(viewer, caseResponsibility);
        };
    }

    /**
     * Whether the viewer sees a client: registered by them or their team, or a client of a case they see.
     * The suppliers are only asked when the answer depends on them.
     */
    public static boolean seesClient(Viewer viewer, Responsibility registration,
                                     Supplier<? extends Collection<Responsibility>> casesOfClient,
                                     Supplier<? extends Collection<SharingConsent>> consentsOfClient) {
        return switch (viewer.kind()) {
            case WHOLE_TENANT -> true;
            case PARTNER -> sharedWith(viewer, consentsOfClient.get());
            case CASEWORKER -> answersFor(viewer, registration)
                    || casesOfClient.get().stream().anyMatch(r -> answersFor(viewer, r));
        };
    }

    /** The condition limiting a query over cases to what the viewer sees; empty for the whole tenant. */
    public static Optional<Condition> caseFilter(Viewer viewer, CaseShape cases, ConsentTable consents) {
        return switch (viewer.kind()) {
            case WHOLE_TENANT -> Optional.empty();
            case PARTNER -> Optional.of(sharedCondition(viewer, cases.clientId(), consents));
            case CASEWORKER -> Optional.of(responsibleCondition(viewer, cases.assignee(), cases.team()));
        };
    }

    /** The condition limiting a query over clients to what the viewer sees; empty for the whole tenant. */
    public static Optional<Condition> clientFilter(Viewer viewer, ClientShape clients, CaseTable cases,
                                                   ConsentTable consents) {
        return switch (viewer.kind()) {
            case WHOLE_TENANT -> Optional.empty();
            case PARTNER -> Optional.of(sharedCondition(viewer, clients.id(), consents));
            case CASEWORKER -> {
                Condition registered = responsibleCondition(viewer, clients.registeredBy(), clients.team());
                Condition worked = responsibleCondition(viewer, "kAcc." + cases.assignee(), "kAcc." + cases.team());
                Map<String, Object> params = new HashMap<>(registered.parameters());
                params.put("accTenant", viewer.tenant());
                yield Optional.of(new Condition("(" + registered.text() + " or exists (select 1 from " + cases.name()
                        + " kAcc where kAcc." + cases.clientId() + " = " + clients.id() + " and kAcc." + cases.tenantId()
                        + " = :accTenant and " + worked.text() + "))", params));
            }
        };
    }

    private static boolean answersFor(Viewer viewer, Responsibility r) {
        return viewer.subject().equals(r.subject()) || (viewer.team() != null && viewer.team().equals(r.team()));
    }

    private static boolean sharedWith(Viewer viewer, Collection<SharingConsent> consents) {
        return consents.stream().anyMatch(c -> c.letsPartnerRead(viewer.partner(), viewer.today()));
    }

    // The in-memory twin is answersFor: same two tests, and a null team never matches (the "" stand-in
    // cannot equal a stored team, and "team is not null" keeps a stored null out).
    private static Condition responsibleCondition(Viewer viewer, String subjectPath, String teamPath) {
        return new Condition("(" + subjectPath + " = :accMe or (" + teamPath + " is not null and " + teamPath
                + " = :accTeam))", Map.of("accMe", viewer.subject(), "accTeam", viewer.team() == null ? "" : viewer.team()));
    }

    // The in-memory twin is SharingConsent.letsPartnerRead.
    private static Condition sharedCondition(Viewer viewer, String clientPath, ConsentTable t) {
        return new Condition("exists (select 1 from " + t.name() + " sAcc where sAcc." + t.tenantId() + " = :accTenant"
                + " and sAcc." + t.clientId() + " = " + clientPath + " and sAcc." + t.type() + " = '"
                + SharingConsent.DATA_SHARING + "' and sAcc." + t.partner() + " = :accPartner and sAcc." + t.status()
                + " = '" + SharingConsent.GRANTED + "' and sAcc." + t.effective() + " <= :accToday and (sAcc." + t.expiry()
                + " is null or sAcc." + t.expiry() + " >= :accToday))",
                Map.of("accTenant", viewer.tenant(), "accPartner", viewer.partner(), "accToday", viewer.today()));
    }
}
