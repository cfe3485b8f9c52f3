package app.trellis.reporting.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.trellis.platform.contracts.AuditRecordedV1;
import app.trellis.platform.contracts.AuditSealedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.Database;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The consolidated audit trail: a client's accesses across services (JSON pages and CSV), and chain continuity. */
@QuarkusTest
class ConsolidatedAuditResourceTest {

    private static final String CASES = "/trellis/case-service";
    private static final String DOCUMENTS = "/trellis/document-service";
    /** A subject with a comma, quotes and a leading formula character, as CSV must carry it unharmed. */
    private static final String AWKWARD_ACTOR = "=ned, \"on call\"";

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID client = UUID.randomUUID();
    private final UUID otherClient = UUID.randomUUID();
    private final Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
    private final Random random = new Random(7);

    @Test
    void anAuditorSeesWhoTouchedAClientAcrossServicesNewestFirstInPages() {
        publishChains();
        String auditor = TestTokens.user(tenant, "otto", "auditor");
        String url = "/api/v1/audit/clients/" + client + "/accesses";

        String next = given().auth().oauth2(auditor).queryParam("limit", 2).get(url).then().statusCode(200)
                .body("items.service", contains("case-service", "document-service"))
                .body("items.action", contains("UPDATE", "READ"))
                .body("items[0].occurredAt", equalTo(t0.plusSeconds(3).toString()))
                .body("items[1].actor", equalTo(TestTokens.subjectOf("nora")))
                .extract().path("nextCursor");
        given().auth().oauth2(auditor).queryParam("limit", 2).queryParam("cursor", next).get(url).then().statusCode(200)
                .body("items.action", contains("BREAK_GLASS_USE", "READ"))
                .body("items.breakGlass", contains(true, false))
                .body("items[0].actor", equalTo(AWKWARD_ACTOR))
                .body("items[0].requestId", equalTo("req-2"))
                .body("nextCursor", nullValue());
    }

    @Test
    void aPrivacyOfficerExportsTheAccessesAsCsvWithAHeaderAndQuoting() {
        publishChains();
        String csv = given().auth().oauth2(TestTokens.user(tenant, "otto", "auditor")).accept("text/csv")
                .get("/api/v1/audit/clients/" + client + "/accesses").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines.length, equalTo(5));
        assertThat(lines[0], equalTo("service,occurredAt,actor,action,resourceType,resourceId,breakGlass,requestId,position"));
        assertThat(lines[1], equalTo("case-service," + t0.plusSeconds(3) + "," + TestTokens.subjectOf("nora")
                + ",UPDATE,client," + client + ",false,req-4,4"));
        assertThat(lines[3], equalTo("case-service," + t0.plusSeconds(1) + ",\"'=ned, \"\"on call\"\"\",BREAK_GLASS_USE,client,"
                + client + ",true,req-2,2"));
    }

    @Test
    void onlyAuditorsOfTheTenantReadTheTrailAndABadIdIsAProblem() {
        publishChains();
        String url = "/api/v1/audit/clients/" + client + "/accesses";
        given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor")).get(url).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(tenant, "nora", "case-manager")).get(url).then().statusCode(403);
        given().auth().oauth2(TestTokens.partner(tenant, "reporting-north", "feed.read")).get(url).then().statusCode(403);
        given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor")).get("/api/v1/audit/continuity").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.user("other-" + tenant, "rhea", "auditor")).get(url).then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(TestTokens.user(tenant, "otto", "auditor")).get("/api/v1/audit/clients/nope/accesses")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("clientId"));
    }

    @Test
    void aRemovedRecordAndAnAlteredHashAreReportedPerService() {
        publishChains();
        String auditor = TestTokens.user(tenant, "otto", "auditor");
        given().auth().oauth2(auditor).get("/api/v1/audit/continuity").then().statusCode(200)
                .body("chains.service", contains("case-service", "document-service"))
                .body("chains.intact", contains(true, true))
                .body("chains.records", contains(5, 1));

        // What a database administrator could do to reporting's copy, behind the service's back.
        DataSource admin = Database.shared().adminDataSource("trellis_reporting");
        Sql.update(admin, "DELETE FROM audit_trail WHERE tenant_id = ? AND source = ? AND position = 2", tenant, CASES);
        Sql.update(admin, "UPDATE audit_trail SET hash = ? WHERE tenant_id = ? AND source = ? AND position = 4",
                "f".repeat(64), tenant, CASES);

        given().auth().oauth2(auditor).get("/api/v1/audit/continuity").then().statusCode(200)
                .body("chains.intact", contains(false, true))
                .body("chains[0].records", equalTo(4))
                .body("chains[0].lastPosition", equalTo(5))
                .body("chains[0].breaks.kind", contains("MISSING", "ALTERED", "BROKEN_LINK"))
                .body("chains[0].breaks.position", contains(2, 4, 5))
                .body("chains[0].breaks.count", contains(1, 1, 1));
    }

    /** case-service: 5 records (4 about the client, one by break-glass); document-service: 1 about the client. */
    private void publishChains() {
        List<AuditRecordedV1> cases = chain(List.of(
                record("READ", TestTokens.subjectOf("ava"), client, 0),
                record("BREAK_GLASS_USE", AWKWARD_ACTOR, client, 1),
                record("READ", TestTokens.subjectOf("nora"), otherClient, 4),
                record("UPDATE", TestTokens.subjectOf("nora"), client, 3),
                record("READ", TestTokens.subjectOf("ned"), otherClient, 5)));
        // Two runs, delivered in the opposite order.
        consumer.apply(sealed(CASES, cases.subList(3, 5)));
        consumer.apply(sealed(CASES, cases.subList(0, 3)));
        consumer.apply(sealed(DOCUMENTS, chain(List.of(record("READ", TestTokens.subjectOf("nora"), client, 2)))));
        assertThat(Sql.count(Database.shared().adminDataSource("trellis_reporting"),
                "SELECT COUNT(*) FROM audit_trail WHERE tenant_id = ?", tenant), equalTo(6));
    }

    private record Unlinked(String action, String actor, UUID clientId, int second) {
    }

    private Unlinked record(String action, String actor, UUID clientId, int second) {
        return new Unlinked(action, actor, clientId, second);
    }

    private List<AuditRecordedV1> chain(List<Unlinked> records) {
        List<AuditRecordedV1> chain = new ArrayList<>();
        String previous = "GENESIS";
        for (Unlinked r : records) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            String hex = HexFormat.of().formatHex(hash);
            long position = chain.size() + 1;
            chain.add(new AuditRecordedV1(UUID.randomUUID(), position, r.actor(), r.action(), "client",
                    r.clientId().toString(), r.clientId().toString(), "req-" + position, t0.plusSeconds(r.second()),
                    previous, hex));
            previous = hex;
        }
        return chain;
    }

    private CloudEvent sealed(String source, List<AuditRecordedV1> run) {
        long first = run.get(0).position();
        return CloudEvent.of(source, AuditSealedV1.TYPE, "audit/" + tenant, Instant.now(), tenant, first,
                json.valueToTree(new AuditSealedV1(first, run.get(run.size() - 1).position(), run)));
    }
}
