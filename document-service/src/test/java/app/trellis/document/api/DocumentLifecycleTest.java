package app.trellis.document.api;

import static app.trellis.document.Documents.objects;
import static app.trellis.document.Documents.uploaded;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.document.Files;
import app.trellis.document.domain.DocumentVersion;
import app.trellis.document.event.ScanWorker;
import app.trellis.document.repository.DocumentVersionRepository;
import app.trellis.document.service.DocumentRetention;
import app.trellis.document.service.MalwareScanner;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.Staff;
import app.trellis.platform.testing.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Versions, quarantine verdicts, soft delete, legal hold and retention after the case closes. */
@QuarkusTest
class DocumentLifecycleTest {

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource db;
    @Inject
    ScanWorker scans;
    @Inject
    DocumentVersionRepository versions;
    @Inject
    DocumentRetention retention;
    @Inject
    TestClock clock;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = Staff.member(tenant, "nora", "team-a", "case-manager");
    private final String sue = Staff.member(tenant, "sue", null, "supervisor");
    private final UUID caseId = UUID.randomUUID();
    private final UUID clientId = UUID.randomUUID();
    private CaseAccessFeed feed;

    @BeforeEach
    void noraWorksACase() {
        MessageQueues.shared().drain(CaseAccessFeed.queue());
        feed = new CaseAccessFeed(consumer, json);
        feed.send(feed.access(tenant, caseId, clientId, 1, "nora", "team-a", "open"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aNewVersionKeepsTheOldOneReadable() {
        String id = uploaded(nora, clientId, caseId, Files.pdf("first"), "application/pdf");
        String etag = given().auth().oauth2(nora).get("/api/v1/documents/" + id).then().extract().header("ETag");
        given().auth().oauth2(nora).header("If-Match", etag)
                .multiPart("file", "second.pdf", Files.pdf("second"), "application/pdf")
                .post("/api/v1/documents/" + id + "/versions").then().statusCode(201)
                .body("currentVersion", equalTo(2)).body("versions.version", contains(1, 2));
        given().auth().oauth2(nora).header("If-Match", etag)
                .multiPart("file", "third.pdf", Files.pdf("third"), "application/pdf")
                .post("/api/v1/documents/" + id + "/versions").then().statusCode(412);
        scans.scanPending();
        byte[] first = given().auth().oauth2(nora).queryParam("version", 1).get("/api/v1/documents/" + id + "/content")
                .then().statusCode(200).extract().asByteArray();
        byte[] newest = given().auth().oauth2(nora).get("/api/v1/documents/" + id + "/content").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(Files.sha256(Files.pdf("first")), Files.sha256(first));
        assertEquals(Files.sha256(Files.pdf("second")), Files.sha256(newest));
        given().auth().oauth2(nora).queryParam("version", 7).get("/api/v1/documents/" + id + "/content").then()
                .statusCode(404);
    }

    @Test
    void anInfectedVersionIsNeverServed() {
        String id = uploaded(nora, clientId, caseId, Files.pdf("eicar stand-in"), "application/pdf");
        DocumentVersion version = versions.of(UUID.fromString(id)).get(0);
        assertTrue(scans.record(version, new MalwareScanner.Verdict(false, "Eicar-Test-Signature")));
        given().auth().oauth2(nora).get("/api/v1/documents/" + id).then().body("versions[0].scan", equalTo("infected"));
        given().auth().oauth2(nora).get("/api/v1/documents/" + id + "/content").then().statusCode(409)
                .body("type", endsWith("document-infected"));
        given().auth().oauth2(nora).redirects().follow(false).queryParam("delivery", "redirect")
                .get("/api/v1/documents/" + id + "/content").then().statusCode(409);
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND type ="
                + " 'app.trellis.document.scanned.v1' AND envelope LIKE '%infected%'", id));
    }

    @Test
    void aDeletedDocumentLeavesListsAndReadsButKeepsItsBytes() {
        String id = uploaded(nora, clientId, caseId, Files.pdf("to delete"), "application/pdf");
        given().auth().oauth2(nora).delete("/api/v1/documents/" + id).then().statusCode(204);
        given().auth().oauth2(nora).get("/api/v1/documents/" + id).then().statusCode(404);
        given().auth().oauth2(nora).queryParam("clientId", clientId).get("/api/v1/documents").then()
                .body("items", hasSize(0));
        assertEquals(1, objects(tenant).size());
        given().auth().oauth2(nora).delete("/api/v1/documents/" + id).then().statusCode(404);
    }

    @Test
    void aLegalHoldBlocksDeletionUntilASupervisorReleasesIt() {
        String id = uploaded(nora, clientId, caseId, Files.pdf("held"), "application/pdf");
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(Map.of("hold", true))
                .put("/api/v1/documents/" + id + "/legal-hold").then().statusCode(403);
        given().auth().oauth2(sue).contentType(ContentType.JSON).body(Map.of("hold", true))
                .put("/api/v1/documents/" + id + "/legal-hold").then().statusCode(200).body("legalHold", equalTo(true));
        given().auth().oauth2(nora).delete("/api/v1/documents/" + id).then().statusCode(409)
                .body("type", endsWith("legal-hold"));
        given().auth().oauth2(sue).contentType(ContentType.JSON).body(Map.of("hold", false))
                .put("/api/v1/documents/" + id + "/legal-hold").then().statusCode(200);
        given().auth().oauth2(nora).delete("/api/v1/documents/" + id).then().statusCode(204);
    }

    @Test
    void retentionStartsWhenTheCaseClosesAndOnlyThenAreDeletedBytesRemovedUnlessHeld() {
        String deleted = uploaded(nora, clientId, caseId, Files.pdf("deleted"), "application/pdf");
        String held = uploaded(nora, clientId, caseId, Files.pdf("held"), "application/pdf");
        String kept = uploaded(nora, clientId, caseId, Files.pdf("kept"), "application/pdf");
        given().auth().oauth2(sue).contentType(ContentType.JSON).body(Map.of("hold", true))
                .put("/api/v1/documents/" + held + "/legal-hold").then().statusCode(200);
        given().auth().oauth2(nora).delete("/api/v1/documents/" + deleted).then().statusCode(204);
        clock.advance(Duration.ofDays(400));
        assertEquals(0, retention.sweep(), "no retention clock runs before the case closes");

        Instant closedAt = clock.instant();
        feed.send(feed.closed(tenant, caseId, clientId, "housing", closedAt, 3));
        given().auth().oauth2(nora).get("/api/v1/documents/" + kept).then().body("retainUntil", notNullValue());
        feed.send(feed.closed(tenant, caseId, clientId, "housing", closedAt.plus(Duration.ofDays(9)), 4));
        clock.advance(Duration.ofDays(29));
        assertEquals(0, retention.sweep(), "retention (30 days in tests) has not passed");
        clock.advance(Duration.ofDays(2));
        assertEquals(1, retention.sweep());
        assertEquals(2, objects(tenant).size(), "the deleted document's bytes are gone, the held and kept ones stay");
        assertEquals("purged", Sql.string(db, "SELECT status FROM document WHERE id = ?", deleted));
        assertEquals("active", Sql.string(db, "SELECT status FROM document WHERE id = ?", held));
    }
}
