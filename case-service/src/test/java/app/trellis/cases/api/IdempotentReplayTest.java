package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.AuditIntents;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on every create: a replay creates nothing and answers what the first request did,
 * and, since it shows what was created, it is a read like a GET: visibility checked, audited.
 */
@QuarkusTest
class IdempotentReplayTest {

    private static final String CLIENT = "{\"name\":{\"given\":\"Mary\",\"family\":\"Breckinridge\"},"
            + "\"birthDate\":\"1981-02-17\",\"sex\":\"female\",\"identifiers\":{\"ssn\":\"219-09-9999\"}}";

    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = manager("nora", "team-a");
    private String clientId;
    private String caseUrl;

    @BeforeEach
    void noraWorksACase() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"code\":\"respite\",\"name\":\"Respite\"}").post("/api/v1/programs").then().statusCode(201);
        clientId = given().auth().oauth2(nora).contentType(ContentType.JSON).body(CLIENT).post("/api/v1/clients")
                .then().statusCode(201).extract().path("id");
        caseUrl = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "program", "respite", "assignee", TestTokens.subjectOf("nora"), "team", "team-a", "status", "open"))
                .post("/api/v1/cases").then().statusCode(201).extract().header("Location");
    }

    @Test
    void aReplayedRegistrationIsAuditedAsARead() {
        String key = UUID.randomUUID().toString();
        String id = post(nora, "/api/v1/clients", key, CLIENT).then().statusCode(201).extract().path("id");
        post(nora, "/api/v1/clients", key, CLIENT).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id)).body("identifiers.ssnLast4", equalTo("9999"));

        AuditIntents.awaitChained(db);
        assertEquals(List.of("CREATE", "READ"), Jdbc.query(db, "actions", "SELECT action FROM audit_record"
                + " WHERE tenant_id = ? AND client_id = ? ORDER BY position", rs -> rs.getString(1), tenant, id),
                "the replay showed the client's PHI: it is in the audit trail");
    }

    @Test
    void aReplayByACallerWhoNoLongerSeesTheCaseIs404() {
        String key = UUID.randomUUID().toString();
        // Nora opens a case for Ned in her team: she sees it through her team only.
        Map<String, String> opening = Map.of("clientId", clientId, "program", "respite", "assignee", TestTokens.subjectOf("ned"),
                "team", "team-a", "status", "open");
        String location = post(nora, "/api/v1/cases", key, opening).then().statusCode(201).extract().header("Location");
        post(nora, "/api/v1/cases", key, opening).then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", location);

        // Then she moves to another team (same person, same subject, same key): the case is not hers to see.
        String noraElsewhere = manager("nora", "team-b");
        given().auth().oauth2(noraElsewhere).get(location).then().statusCode(404);
        String replay = post(noraElsewhere, "/api/v1/cases", key, opening).then().statusCode(404)
                .contentType("application/problem+json").header("Location", nullValue())
                .header("Idempotent-Replayed", nullValue()).extract().asString();
        assertFalse(replay.contains(clientId), "the stored response did not leak");
    }

    @Test
    void theRequestIsRememberedAsAKeyedHashBoundToTheCaller() {
        String key = UUID.randomUUID().toString();
        String ned = manager("ned", "team-a");
        post(nora, "/api/v1/clients", key, CLIENT).then().statusCode(201);
        post(ned, "/api/v1/clients", key, CLIENT).then().statusCode(201);

        List<String> hashes = Jdbc.query(db, "hashes", "SELECT request_hash FROM idempotency_record WHERE tenant_id = ?"
                + " AND idem_key = ?", rs -> rs.getString(1), tenant, key);
        assertEquals(2, hashes.size());
        // A plain digest of method, path and body would be the same for both: an unkeyed SHA-256 that anyone
        // holding a dump could confirm guessed SSNs and birth dates against.
        assertNotEquals(hashes.get(0), hashes.get(1));
        for (String hash : hashes) {
            assertTrue(hash.startsWith("k1:"), hash);
            assertFalse(hash.matches("[0-9a-f]{64}"), "not a hex SHA-256");
        }
    }

    @Test
    void aNoteAndAnAddendumAreWrittenOncePerKey() {
        Map<String, String> note = Map.of("type", "contact", "occurredAt", Instant.now().minusSeconds(60).toString(),
                "text", "Phoned about respite hours");
        String noteId = replaysTheCreate(nora, caseUrl + "/notes", note, "case_note").path("id");
        replaysTheCreate(nora, caseUrl + "/notes/" + noteId + "/addenda", Map.of("text", "Called back: confirmed"),
                "case_note");
    }

    @Test
    void aGoalAndATaskAreSetOncePerKey() {
        String goalId = replaysTheCreate(nora, caseUrl + "/goals", Map.of("description", "Weekly respite",
                "targetDate", LocalDate.now(ZoneOffset.UTC).plusDays(60).toString()), "care_goal").path("id");
        replaysTheCreate(nora, caseUrl + "/tasks", Map.of("title", "Find a respite provider", "goalId", goalId,
                "dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString()), "care_task");
    }

    @Test
    void aConsentIsRecordedOncePerKey() {
        replaysTheCreate(nora, "/api/v1/clients/" + clientId + "/consents", Map.of("type", "treatment",
                "effectiveDate", LocalDate.now(ZoneOffset.UTC).toString()), "consent");
    }

    @Test
    void emergencyAccessIsGrantedOncePerKey() {
        replaysTheCreate(manager("carl", "team-b"), caseUrl + "/emergency-access",
                Map.of("reason", "Client in crisis at the shelter; assigned worker unreachable"), "emergency_access");
    }

    /** Posts twice with one key: one row more in {@code table}, and the second answer is the first one again. */
    private ExtractableResponse<Response> replaysTheCreate(String token, String url, Object body, String table) {
        String key = UUID.randomUUID().toString();
        int before = rows(table);
        ExtractableResponse<Response> first = post(token, url, key, body).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract();
        post(token, url, key, body).then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location") == null ? nullValue() : equalTo(first.header("Location")))
                .header("ETag", first.header("ETag") == null ? nullValue() : equalTo(first.header("ETag")))
                .body("id", equalTo(first.path("id")));
        assertEquals(before + 1, rows(table), "the replay created nothing in " + table);
        // The same key with another body is refused, not replayed.
        post(token, url, key, Map.of("text", "something else")).then().statusCode(not(equalTo(201)));
        return first;
    }

    private int rows(String table) {
        return Sql.count(db, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", tenant);
    }

    private static Response post(String token, String url, String key, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(url);
    }

    private String manager(String name, String team) {
        return TestTokens.builder(name).claim("tenant", tenant).team(team)
                .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    }
}
