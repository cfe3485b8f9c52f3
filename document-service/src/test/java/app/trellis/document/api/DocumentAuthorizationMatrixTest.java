package app.trellis.document.api;

import static app.trellis.document.Documents.uploaded;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.document.Files;
import app.trellis.document.event.ScanWorker;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.AuditIntents;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.Staff;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against everyone who must not get through: no token (401), another tenant and a case manager of
 * another team (404, or an empty list), an auditor and a partner without the documents scope (403), a partner with
 * the scope but no consent (404 / empty for reads, 403 for writes). No refusal carries the title; each allowed read
 * leaves an audit record.
 */
@QuarkusTest
class DocumentAuthorizationMatrixTest {

    private static final String TITLE = "Consent for Jane Example";

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource db;
    @Inject
    ScanWorker scans;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = Staff.member(tenant, "nora", "team-a", "case-manager");
    private final UUID caseId = UUID.randomUUID();
    private final UUID clientId = UUID.randomUUID();
    private String document;
    private CaseAccessFeed feed;

    /** One endpoint; {@code read} calls succeed for anyone who sees the document, the others change things. */
    private record Call(String method, String path, boolean read, boolean list, boolean multipart, Object body) {
    }

    @BeforeEach
    void noraFilesADocument() {
        MessageQueues.shared().drain(CaseAccessFeed.queue());
        feed = new CaseAccessFeed(consumer, json);
        feed.send(feed.access(tenant, caseId, clientId, 1, "nora", "team-a", "open"));
        document = uploaded(nora, clientId, caseId, Files.pdf("matrix"), "application/pdf");
        scans.scanPending();
    }

    private List<Call> calls() {
        String one = "/api/v1/documents/" + document;
        return List.of(
                new Call("GET", "/api/v1/documents?clientId=" + clientId, true, true, false, null),
                new Call("GET", "/api/v1/documents?caseId=" + caseId, true, true, false, null),
                new Call("GET", one, true, false, false, null),
                new Call("GET", one + "/content", true, false, false, null),
                new Call("GET", one + "/content?delivery=redirect", true, false, false, null),
                new Call("POST", "/api/v1/documents", false, false, true, null),
                new Call("POST", one + "/versions", false, false, true, null),
                new Call("DELETE", one, false, false, false, null),
                new Call("PUT", one + "/legal-hold", false, false, false, Map.of("hold", true)),
                new Call("POST", "/api/v1/documents/uploads", false, false, false, Map.of("clientId", clientId,
                        "caseId", caseId, "category", "correspondence", "title", "x", "contentType", "application/pdf",
                        "sizeBytes", 10, "sha256", "0".repeat(64))),
                new Call("POST", "/api/v1/documents/uploads/" + UUID.randomUUID() + "/complete", false, false, false,
                        null));
    }

    @Test
    void noTokenIs401Everywhere() {
        expect(null, call -> true, 401);
    }

    @Test
    void anotherTenantFindsNothing() {
        String elsewhere = Staff.member("other-" + tenant, "nora", "team-a", "supervisor");
        expect(elsewhere, call -> !call.list(), 404);
        expect(elsewhere, Call::list, 200);
        assertEmptyLists(elsewhere);
    }

    @Test
    void aCaseManagerOfAnotherTeamFindsNothing() {
        String rob = Staff.member(tenant, "rob", "team-b", "case-manager");
        expect(rob, call -> !call.list() && !call.path().endsWith("/legal-hold"), 404);
        expect(rob, call -> call.path().endsWith("/legal-hold"), 403);
        assertEmptyLists(rob);
    }

    @Test
    void anAuditorIsRefusedEverything() {
        expect(TestTokens.user(tenant, "otto", "auditor"), call -> true, 403);
    }

    @Test
    void aPartnerWithoutTheScopeIsRefusedAndWithItButWithoutConsentFindsNothing() {
        expect(TestTokens.partner(tenant, "partner-north", "system/cases.read"), call -> true, 403);
        String scoped = TestTokens.partner(tenant, "partner-north", "system/documents.read");
        expect(scoped, call -> !call.read(), 403);
        expect(scoped, call -> call.read() && !call.list(), 404);
        assertEmptyLists(scoped);
    }

    @Test
    void thoseWhoSeeTheDocumentGetThroughAndEachReadIsAudited() {
        String partner = TestTokens.partner(tenant, "partner-north", "system/documents.read");
        feed.send(feed.sharing(tenant, clientId, 2, "partner-north", "granted"));
        for (String token : List.of(nora, partner)) {
            for (Call call : calls()) {
                if (call.read()) {
                    int status = send(token, call).statusCode();
                    assertEquals(call.path().endsWith("redirect") ? 303 : 200, status, call.path());
                }
            }
        }
        AuditIntents.awaitChained(db);
        // Per reader: 2 list rows (SEARCH), 1 READ and 2 DOWNLOADs.
        for (String actor : List.of(TestTokens.subjectOf("nora"), TestTokens.subjectOf("service-account-partner-north"))) {
            assertEquals(5, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ? AND resource_id = ?"
                    + " AND action IN ('SEARCH', 'READ', 'DOWNLOAD') AND actor = ?", tenant, document, actor),
                    actor);
        }
    }

    private void assertEmptyLists(String token) {
        for (Call call : calls()) {
            if (call.list()) {
                send(token, call).then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(0));
            }
        }
    }

    private Response send(String token, Call call) {
        RequestSpecification request = given().redirects().follow(false).header("If-Match", "\"0\"");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (call.multipart()) {
            request.multiPart("clientId", clientId.toString()).multiPart("caseId", caseId.toString())
                    .multiPart("category", "correspondence").multiPart("title", "Letter")
                    .multiPart("file", "letter.pdf", Files.pdf("letter"), "application/pdf");
        } else if (call.body() != null) {
            request.contentType(ContentType.JSON).body(call.body());
        }
        return request.request(call.method(), call.path());
    }

    private void expect(String token, Predicate<Call> applies, int status) {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls()) {
            if (!applies.test(call)) {
                continue;
            }
            Response response = send(token, call);
            if (response.statusCode() != status) {
                wrong.add(call.method() + " " + call.path().replace(tenant, "<tenant>") + " -> " + response.statusCode());
            }
            assertTrue(!response.asString().contains(TITLE), "the title leaked from " + call.path());
        }
        assertEquals(List.of(), wrong, "expected " + status);
    }
}
