package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cursors are opaque, carry no PHI, and a cursor this list never returned is a 400, never a 500. */
@QuarkusTest
class CursorsTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = TestTokens.builder("nora").claim("tenant", tenant).team("team-a")
            .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();

    @Test
    void theClientSearchCursorHoldsNoNameAndStillWalksEveryPageInOrder() {
        for (String family : List.of("Truth", "Tubman", "Turner")) {
            register("Sojourner", family);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(nora).queryParam("name", "T").queryParam("limit", 1)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/clients").then().statusCode(200)
                    .extract();
            seen.addAll(page.path("items.name.family"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                String inside = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                for (String name : List.of("Truth", "Tubman", "Turner", "Sojourner")) {
                    assertFalse(inside.contains(name), "a cursor carries " + name);
                }
            }
        } while (cursor != null);
        assertEquals(List.of("Truth", "Tubman", "Turner"), seen);
    }

    @Test
    void aMalformedCursorIsA400ProblemOnEveryList() {
        String client = register("Malformed", "Cursor");
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("code", "cursors", "name", "Cursors")).post("/api/v1/programs").then().statusCode(201);
        String caseUrl = given().auth().oauth2(nora).contentType(ContentType.JSON).body(Map.of("clientId", client,
                        "program", "cursors", "assignee", TestTokens.subjectOf("nora"), "team", "team-a"))
                .post("/api/v1/cases").then().statusCode(201).extract().header("Location");
        Map<String, String> lists = Map.of(
                "/api/v1/clients", nora,
                "/api/v1/cases", nora,
                caseUrl + "/notes", nora,
                "/api/v1/audit", TestTokens.user(tenant, "otto", "auditor"));
        List<String> wrong = new ArrayList<>();
        for (String raw : List.of("v1\u001fnot-a-value", "v1\u001f2026-01-01T00:00:00Z", "v1", "v2\u001fx", "v1\u001f-1x")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            for (var list : lists.entrySet()) {
                int status = given().auth().oauth2(list.getValue()).queryParam("cursor", cursor).get(list.getKey())
                        .then().extract().statusCode();
                if (status != 400) {
                    wrong.add(list.getKey().replace(tenant, "<t>") + " with " + raw.replace('\u001f', '|') + " -> " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
        given().auth().oauth2(nora).queryParam("cursor", "%%%").get("/api/v1/cases").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    private String register(String given, String family) {
        return given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"name\":{\"given\":\"" + given + "\",\"family\":\"" + family + "\"},\"birthDate\":\"1950-01-0"
                        + (1 + Math.abs(family.hashCode() % 8)) + "\",\"sex\":\"female\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }
}
