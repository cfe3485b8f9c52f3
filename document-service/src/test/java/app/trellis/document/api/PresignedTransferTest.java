package app.trellis.document.api;

import static app.trellis.document.Documents.objects;
import static app.trellis.document.Documents.rows;
import static app.trellis.document.Documents.uploaded;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.document.Files;
import app.trellis.document.event.ScanWorker;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Staff;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Large files straight to S3 and back: presigned PUT checked on completion, presigned GET that expires. */
@QuarkusTest
class PresignedTransferTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
        CaseAccessFeed feed = new CaseAccessFeed(consumer, json);
        feed.send(feed.access(tenant, caseId, clientId, 1, "nora", "team-a", "open"));
    }

    private ExtractableResponse<Response> open(byte[] promised, String type) {
        Map<String, Object> body = new HashMap<>(Map.of("clientId", clientId, "caseId", caseId, "category",
                "identification", "title", "ID card of Jane Example", "contentType", type, "sizeBytes", promised.length,
                "sha256", Files.sha256(promised)));
        return given().auth().oauth2(nora).contentType(ContentType.JSON).body(body).post("/api/v1/documents/uploads")
                .then().statusCode(201).body("method", equalTo("PUT")).extract();
    }

    private int put(ExtractableResponse<Response> target, byte[] bytes) throws Exception {
        Map<String, String> headers = target.path("headers");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(target.path("url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(put::header);
        return HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private io.restassured.response.ValidatableResponse complete(ExtractableResponse<Response> target) {
        return given().auth().oauth2(nora).post("/api/v1/documents/uploads/" + target.path("id") + "/complete").then();
    }

    @Test
    void bytesThatKeepThePromiseBecomeADocumentUnderTheClientsPrefix() throws Exception {
        byte[] pdf = Files.pdf("presigned");
        var target = open(pdf, "application/pdf");
        complete(target).statusCode(409).body("type", endsWith("upload-missing"));
        assertEquals(200, put(target, pdf));
        String id = complete(target).statusCode(201).body("versions[0].sha256", equalTo(Files.sha256(pdf)))
                .body("title", equalTo("ID card of Jane Example")).extract().path("id");
        List<String> keys = objects(tenant);
        assertEquals(1, keys.size(), "the staging object is gone: " + keys);
        assertTrue(keys.get(0).startsWith("tenant/" + tenant + "/client/" + clientId + "/" + id + "/"));
        complete(target).statusCode(404);
    }

    @Test
    void aChecksumMismatchOnCompleteIs400AndLeavesNothing() throws Exception {
        var target = open(Files.pdf("promised"), "application/pdf");
        byte[] other = Files.pdf("promisez");
        assertEquals(Files.pdf("promised").length, other.length);
        assertEquals(200, put(target, other));
        complete(target).statusCode(400).contentType("application/problem+json").body("type", endsWith("checksum-mismatch"));
        assertNothingLeft();
    }

    @Test
    void aSizeOrTypeThatBreaksThePromiseIsRefusedAndLeavesNothing() throws Exception {
        var shorter = open(Files.pdf("long enough"), "application/pdf");
        assertEquals(200, put(shorter, Files.pdf("short")));
        complete(shorter).statusCode(400).body("type", endsWith("size-mismatch"));

        byte[] text = Files.text("this is not a pdf at all");
        var mislabelled = open(text, "application/pdf");
        assertEquals(200, put(mislabelled, text));
        complete(mislabelled).statusCode(415).body("type", endsWith("content-type-mismatch"));
        assertNothingLeft();
    }

    @Test
    void aPromiseOfADisallowedTypeOrNoChecksumIsRefusedBeforeAnyByte() {
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(Map.of("clientId", clientId, "caseId", caseId,
                "category", "identification", "title", "x", "contentType", "application/x-msdownload", "sizeBytes", 10,
                "sha256", "0".repeat(64))).post("/api/v1/documents/uploads").then().statusCode(415);
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(Map.of("clientId", clientId, "caseId", caseId,
                "category", "identification", "title", "x", "contentType", "application/pdf", "sizeBytes", 10,
                "sha256", "abc")).post("/api/v1/documents/uploads").then().statusCode(400)
                .body("errors[0].field", equalTo("sha256"));
        assertNothingLeft();
    }

    @Test
    void aPresignedDownloadWorksThenExpires() throws Exception {
        byte[] pdf = Files.pdf("download");
        String id = uploaded(nora, clientId, caseId, pdf, "application/pdf");
        scans.scanPending();
        String location = given().auth().oauth2(nora).redirects().follow(false).queryParam("delivery", "redirect")
                .get("/api/v1/documents/" + id + "/content").then().statusCode(303).extract().header("Location");
        HttpResponse<byte[]> fresh = HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fresh.statusCode());
        assertEquals(Files.sha256(pdf), Files.sha256(fresh.body()));
        Thread.sleep(3_500); // the test profile's download URLs live 2 s
        assertEquals(403, HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private void assertNothingLeft() {
        assertEquals(List.of(), objects(tenant));
        assertEquals(0, rows(db, "document", tenant));
        assertEquals(0, rows(db, "upload_session", tenant));
    }
}
