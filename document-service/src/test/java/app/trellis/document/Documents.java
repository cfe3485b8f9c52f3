package app.trellis.document;

import static io.restassured.RestAssured.given;

import app.trellis.platform.testing.ObjectStore;
import app.trellis.platform.testing.Sql;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Uploading through the API as a client would (multipart), and looking at what the bucket and schema hold. */
public final class Documents {

    public static final String BUCKET = "trellis-documents-test";

    private Documents() {
    }

    public static RequestSpecification form(String token, UUID clientId, UUID caseId, String category, String title) {
        RequestSpecification request = given().auth().oauth2(token).multiPart("clientId", clientId.toString())
                .multiPart("category", category).multiPart("title", title);
        return caseId == null ? request : request.multiPart("caseId", caseId.toString());
    }

    public static ValidatableResponse upload(String token, UUID clientId, UUID caseId, byte[] bytes, String type) {
        return form(token, clientId, caseId, "consent-form", "Consent for Jane Example")
                .multiPart("file", "jane-consent.bin", bytes, type).post("/api/v1/documents").then();
    }

    /** Uploads and returns the new document's id (201 expected). */
    public static String uploaded(String token, UUID clientId, UUID caseId, byte[] bytes, String type) {
        return upload(token, clientId, caseId, bytes, type).statusCode(201).extract().path("id");
    }

    public static List<String> objects(String tenant) {
        return ObjectStore.shared().client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("tenant/" + tenant + "/"))
                .contents().stream().map(o -> o.key()).toList();
    }

    public static int rows(DataSource db, String table, String tenant) {
        return Sql.count(db, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", tenant);
    }
}
