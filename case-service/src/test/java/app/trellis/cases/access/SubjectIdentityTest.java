package app.trellis.cases.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * People are their token subject. Someone who gets a user name that used to be another person's (a reused
 * or renamed account) inherits nothing; the person keeps their access under a new name, and records show
 * the name they had when they acted.
 */
@QuarkusTest
class SubjectIdentityTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = token("nora", TestTokens.subjectOf("nora"));
    private String clientUrl;
    private String caseUrl;

    @BeforeEach
    void noraWorksAClientAndACase() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("code", "ident", "name", "Identity")).post("/api/v1/programs").then().statusCode(201);
        clientUrl = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"name\":{\"given\":\"Ella\",\"family\":\"Baker\"},\"birthDate\":\"1903-12-13\",\"sex\":\"female\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().header("Location");
        String clientId = clientUrl.substring(clientUrl.lastIndexOf('/') + 1);
        caseUrl = given().auth().oauth2(nora).contentType(ContentType.JSON).body(Map.of("clientId", clientId,
                        "program", "ident", "assignee", TestTokens.subjectOf("nora"), "status", "open"))
                .post("/api/v1/cases").then().statusCode(201).body("assignee.name", equalTo("nora"))
                .extract().header("Location");
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(Map.of("type", "contact",
                "occurredAt", Instant.now().minusSeconds(60).toString(), "text", "First contact."))
                .post(caseUrl + "/notes").then().statusCode(201);
    }

    @Test
    void aNewHolderOfTheUserNameInheritsNothing() {
        String impostor = token("nora", UUID.randomUUID().toString());
        given().auth().oauth2(impostor).get(caseUrl).then().statusCode(404);
        given().auth().oauth2(impostor).get(clientUrl).then().statusCode(404);
        given().auth().oauth2(impostor).get(caseUrl + "/notes").then().statusCode(404);
        given().auth().oauth2(impostor).queryParam("assignee", "me").get("/api/v1/cases").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(impostor).queryParam("name", "Baker").get("/api/v1/clients").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(impostor).get("/api/v1/caseload").then().statusCode(200)
                .body("casesByStatus.open", equalTo(0));
    }

    @Test
    void aRenamedPersonKeepsTheirWorkAndRecordsKeepTheNameTheyActedUnder() {
        String renamed = token("nora.baker", TestTokens.subjectOf("nora"));
        given().auth().oauth2(renamed).get(caseUrl).then().statusCode(200)
                .body("assignee.id", equalTo(TestTokens.subjectOf("nora")));
        given().auth().oauth2(renamed).get(clientUrl).then().statusCode(200);
        given().auth().oauth2(renamed).queryParam("assignee", "me").get("/api/v1/cases").then().body("items", hasSize(1));
        given().auth().oauth2(renamed).contentType(ContentType.JSON).body(Map.of("type", "contact",
                "occurredAt", Instant.now().minusSeconds(30).toString(), "text", "Second contact."))
                .post(caseUrl + "/notes").then().statusCode(201).body("author.name", equalTo("nora.baker"));
        given().auth().oauth2(renamed).get(caseUrl + "/notes").then().statusCode(200)
                .body("items.author.name", equalTo(List.of("nora", "nora.baker")))
                .body("items.author.id", equalTo(List.of(TestTokens.subjectOf("nora"), TestTokens.subjectOf("nora"))));
    }

    @Test
    void anAssignmentNamesThePersonBySubjectAndShowsTheNameTheyLastSignedInWith() {
        String rob = token("rob", TestTokens.subjectOf("rob"));
        given().auth().oauth2(rob).get("/api/v1/caseload").then().statusCode(200);
        given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("assignee", TestTokens.subjectOf("rob")))
                .post(caseUrl + "/assignment").then().statusCode(200)
                .body("assignee.id", equalTo(TestTokens.subjectOf("rob"))).body("assignee.name", equalTo("rob"));
        given().auth().oauth2(rob).get(caseUrl).then().statusCode(200);
        given().auth().oauth2(nora).get(caseUrl).then().statusCode(404);
    }

    @Test
    void supervisorsPickAssigneesFromTheStaffWhoSignedInUnderTheirCurrentNames() {
        String sam = TestTokens.user(tenant, "sam", "supervisor");
        given().auth().oauth2(token("nora.baker", TestTokens.subjectOf("nora"))).get("/api/v1/caseload").then().statusCode(200);
        given().auth().oauth2(sam).get("/api/v1/staff").then().statusCode(200)
                .body("items.find { it.id == '" + TestTokens.subjectOf("nora") + "' }.name", equalTo("nora.baker"))
                .body("items.findAll { it.id == '" + TestTokens.subjectOf("nora") + "' }", hasSize(1));
        given().auth().oauth2(TestTokens.user("other-" + tenant, "ruth", "supervisor")).get("/api/v1/staff").then()
                .statusCode(200).body("items.findAll { it.id == '" + TestTokens.subjectOf("nora") + "' }", hasSize(0));
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/cases.read")).get("/api/v1/staff")
                .then().statusCode(403);
        given().auth().oauth2(sam).queryParam("limit", 1).get("/api/v1/staff").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    private String token(String username, String subject) {
        return TestTokens.builder(username).subject(subject).claim("tenant", tenant)
                .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    }
}
