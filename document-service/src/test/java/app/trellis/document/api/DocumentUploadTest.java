package app.trellis.document.api;

import static app.trellis.document.Documents.objects;
import static app.trellis.document.Documents.rows;
import static app.trellis.document.Documents.upload;
import static app.trellis.document.Documents.uploaded;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.document.Documents;
import app.trellis.document.Files;
import app.trellis.document.event.ScanWorker;
import app.trellis.platform.contracts.DocumentUploadedV1;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.EventContracts;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.Staff;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads through the service: what is accepted, what is refused, and that a refusal leaves nothing behind. */
@QuarkusTest
class DocumentUploadTest {

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

    @BeforeEach
    void noraWorksACase() {
        MessageQueues.shared().drain(CaseAccessFeed.queue());
        new CaseAccessFeed(consumer, json).send(new CaseAccessFeed(consumer, json)
                .access(tenant, caseId, clientId, 1, "nora", "team-a", "open"));
    }

    @Test
    void aPdfIsStoredWithItsChecksumQuarantinedUntilScannedThenServedByteForByte() {
        byte[] pdf = Files.pdf("synthetic consent");
        String id = upload(nora, clientId, caseId, pdf, "application/pdf").statusCode(201)
                .header("Location", startsWith("http")).body("category", equalTo("consent-form"))
                .body("title", equalTo("Consent for Jane Example")).body("versions", hasSize(1))
                .body("versions[0].sha256", equalTo(Files.sha256(pdf))).body("versions[0].sizeBytes", equalTo(pdf.length))
                .body("versions[0].scan", equalTo("pending-scan")).extract().path("id");
        List<String> keys = objects(tenant);
        assertEquals(1, keys.size());
        assertTrue(keys.get(0).startsWith("tenant/" + tenant + "/client/" + clientId + "/" + id + "/"), keys.get(0));

        given().auth().oauth2(nora).get("/api/v1/documents/" + id + "/content").then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("document-pending-scan"));
        assertTrue(scans.scanPending() >= 1);
        given().auth().oauth2(nora).get("/api/v1/documents/" + id).then().statusCode(200)
                .body("versions[0].scan", equalTo("clean"));

        byte[] served = given().auth().oauth2(nora).get("/api/v1/documents/" + id + "/content").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("jane"))).extract().asByteArray();
        assertEquals(Files.sha256(pdf), Files.sha256(served));
    }

    @Test
    void theEventNamesIdsCategorySizeAndChecksumButNeverTheTitleOrFileName() throws Exception {
        String id = uploaded(nora, clientId, caseId, Files.pdf("event"), "application/pdf");
        String payload = Sql.string(db, "SELECT envelope FROM outbox_event WHERE aggregate_id = ? AND type = ?", id,
                DocumentUploadedV1.TYPE);
        EventContracts.assertValid(json.readTree(payload));
        assertFalse(payload.contains("Jane") || payload.contains("jane-consent"), payload);
        assertTrue(payload.contains(Files.sha256(Files.pdf("event"))), payload);
    }

    @Test
    void wordDocumentsTextAndImagesAreAcceptedByWhatTheirBytesAre() {
        uploaded(nora, clientId, caseId, Files.docx(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        uploaded(nora, clientId, caseId, Files.text("plain notes"), "text/plain; charset=utf-8");
        uploaded(nora, clientId, caseId, Files.png(), "image/png");
        assertEquals(3, objects(tenant).size());
    }

    @Test
    void aTypeMismatchIs415AndLeavesNothingInTheBucketOrTheSchema() {
        upload(nora, clientId, caseId, Files.pdf("not a png"), "image/png").statusCode(415)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("content-type-mismatch"));
        assertNothingStored();
    }

    @Test
    void aDisallowedTypeIs415EvenWhenDeclaredHonestly() {
        upload(nora, clientId, caseId, Files.plainZip(), "application/zip").statusCode(415)
                .body("type", org.hamcrest.Matchers.endsWith("content-type-not-allowed"));
        upload(nora, clientId, caseId, Files.plainZip(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document").statusCode(415);
        assertNothingStored();
    }

    @Test
    void anOversizeFileIs413AndLeavesNothing() {
        upload(nora, clientId, caseId, Files.sized(2 * 1024 * 1024 + 10), "application/pdf").statusCode(413)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("document-too-large"));
        assertNothingStored();
    }

    @Test
    void aChecksumThatDoesNotMatchTheBytesIs400AndLeavesNothing() {
        Documents.form(nora, clientId, caseId, "consent-form", "Consent").multiPart("sha256", "0".repeat(64))
                .multiPart("file", "c.pdf", Files.pdf("x"), "application/pdf").post("/api/v1/documents").then()
                .statusCode(400).body("type", org.hamcrest.Matchers.endsWith("checksum-mismatch"));
        assertNothingStored();
    }

    @Test
    void badMetadataIs400AndNothingIsStored() {
        Documents.form(nora, clientId, caseId, "selfie", "Consent")
                .multiPart("file", "c.pdf", Files.pdf("x"), "application/pdf").post("/api/v1/documents").then()
                .statusCode(400).body("errors[0].field", equalTo("category"));
        Documents.form(nora, clientId, caseId, "consent-form", " ")
                .multiPart("file", "c.pdf", Files.pdf("x"), "application/pdf").post("/api/v1/documents").then()
                .statusCode(400).body("errors[0].field", equalTo("title"));
        Documents.form(nora, UUID.randomUUID(), caseId, "consent-form", "Consent")
                .multiPart("file", "c.pdf", Files.pdf("x"), "application/pdf").post("/api/v1/documents").then()
                .statusCode(400).body("errors[0].field", equalTo("clientId"));
        Documents.form(nora, clientId, caseId, "consent-form", "Consent").post("/api/v1/documents").then()
                .statusCode(400).body("errors[0].field", equalTo("file"));
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertEquals(List.of(), objects(tenant));
        assertEquals(0, rows(db, "document", tenant));
        assertEquals(0, rows(db, "document_version", tenant));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ?", tenant));
    }
}
