package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notes are append-only: corrections are addenda, mistakes are flagged, nothing is edited or deleted. */
@QuarkusTest
class CaseNotesResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = manager("nora", "team-a");
    private final String ned = manager("ned", "team-a");
    private String notes;

    @BeforeEach
    void aCase() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"code\":\"housing\",\"name\":\"Housing\"}").post("/api/v1/programs").then().statusCode(201);
        String client = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"name\":{\"given\":\"Ella\",\"family\":\"Baker\"},\"birthDate\":\"1973-12-13\",\"sex\":\"female\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String caseLocation = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", client, "program", "housing", "assignee", TestTokens.subjectOf("nora"), "team", "team-a", "status", "open"))
                .post("/api/v1/cases").then().statusCode(201).extract().header("Location");
        notes = caseLocation + "/notes";
    }

    @Test
    void aCorrectionIsAnAddendumLinkedToTheOriginalWhichNeverChanges() {
        String original = write(nora, "visit", "Home visit; discussed rent arrears.").then().statusCode(201)
                .body("author.name", equalTo("nora")).extract().path("id");
        String addendum = given().auth().oauth2(ned).contentType(ContentType.JSON)
                .body("{\"text\":\"Correction: arrears are two months, not three.\"}")
                .post(notes + "/" + original + "/addenda").then().statusCode(201)
                .body("type", equalTo("addendum")).body("addendumOf", equalTo(original)).extract().path("id");
        given().auth().oauth2(nora).contentType(ContentType.JSON).body("{\"text\":\"Addendum to the addendum.\"}")
                .post(notes + "/" + addendum + "/addenda").then().statusCode(201).body("addendumOf", equalTo(original));

        // There is no edit and no delete: whatever the method, the note stays as written.
        given().auth().oauth2(nora).contentType(ContentType.JSON).body("{\"text\":\"rewritten\"}")
                .put(notes + "/" + original).then().statusCode(anyOf(equalTo(404), equalTo(405))).contentType(PROBLEM);
        given().auth().oauth2(nora).delete(notes + "/" + original).then().statusCode(anyOf(equalTo(404), equalTo(405)));
        given().auth().oauth2(nora).get(notes + "/" + original).then().statusCode(200)
                .body("text", equalTo("Home visit; discussed rent arrears."));
        given().auth().oauth2(nora).get(notes).then().statusCode(200)
                .body("items.type", contains("visit", "addendum", "addendum"));
    }

    @Test
    void onlyTheAuthorMarksANoteEnteredInErrorAndItStaysVisible() {
        String id = write(nora, "phone", "Called about the wrong client.").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ned).contentType(ContentType.JSON).body("{\"reason\":\"wrong case\"}")
                .post(notes + "/" + id + "/entered-in-error").then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/only-author-marks-error"));
        given().auth().oauth2(nora).contentType(ContentType.JSON).body("{\"reason\":\"Wrong case\"}")
                .post(notes + "/" + id + "/entered-in-error").then().statusCode(200)
                .body("enteredInError", equalTo(true)).body("errorMarkedAt", notNullValue());
        given().auth().oauth2(nora).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post(notes + "/" + id + "/entered-in-error").then().statusCode(409);
        given().auth().oauth2(nora).get(notes).then().body("items[0].enteredInError", equalTo(true))
                .body("items[0].errorReason", equalTo("Wrong case"))
                .body("items[0].text", equalTo("Called about the wrong client."));
    }

    @Test
    void badNotesAreRefusedAndOthersCannotWriteOnTheCase() {
        write(nora, "gossip", "x").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("type", "visit", "occurredAt", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "text", "later"))
                .post(notes).then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/note-in-the-future"));
        write(manager("carl", "team-b"), "visit", "not my case").then().statusCode(404);
        write(TestTokens.user(tenant, "otto", "auditor"), "visit", "auditors read the audit only").then().statusCode(403);
        given().auth().oauth2(nora).get(notes).then().body("items", org.hamcrest.Matchers.hasSize(0));
    }

    private Response write(String token, String type, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", type, "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "text", text))
                .post(notes);
    }

    private String manager(String name, String team) {
        return TestTokens.builder(name).claim("tenant", tenant).team(team)
                .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    }
}
