package app.trellis.cases.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The access rule has one home: a single read (checked in memory) and a list (filtered in the query) must
 * give every kind of viewer the same answer, and that answer must be the rule's.
 */
@QuarkusTest
class AccessRuleConsistencyTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyViewerSeesInAListExactlyWhatTheySeeOneByOne() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("code", "rule", "name", "Rule")).post("/api/v1/programs").then().statusCode(201);
        String nora = manager("nora", "team-a");
        String carl = manager("carl", "team-b");
        // A: nora's registration, worked by ned (team-a). B: carl's, no case. C: carl's, worked by nora alone
        // (no team), shared with partner-north. D: dora's (no team), no case.
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put("A", register(nora, "Alpha"));
        clients.put("B", register(carl, "Bravo"));
        clients.put("C", register(carl, "Charlie"));
        clients.put("D", register(manager("dora", null), "Delta"));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("A", open(nora, clients.get("A"), "ned", "team-a"));
        cases.put("C", open(TestTokens.user(tenant, "sam", "supervisor"), clients.get("C"), "nora", null));
        given().auth().oauth2(carl).contentType(ContentType.JSON).body(Map.of("type", "data-sharing", "partner",
                        "partner-north", "effectiveDate", LocalDate.now(ZoneOffset.UTC).toString()))
                .post("/api/v1/clients/" + clients.get("C") + "/consents").then().statusCode(201);

        Map<String, String> viewers = new LinkedHashMap<>();
        viewers.put("nora", nora);
        viewers.put("ned", manager("ned", "team-a"));
        viewers.put("carl", carl);
        viewers.put("dora", manager("dora", null));
        viewers.put("partner", TestTokens.partner(tenant, "partner-north", "system/clients.read", "system/cases.read"));
        viewers.put("other-partner", TestTokens.partner(tenant, "partner-south", "system/clients.read", "system/cases.read"));
        viewers.put("sam", TestTokens.user(tenant, "sam", "supervisor"));

        Map<String, String> expectedClients = Map.of("nora", "A,C", "ned", "A", "carl", "B,C", "dora", "D",
                "partner", "C", "other-partner", "", "sam", "A,B,C,D");
        Map<String, String> expectedCases = Map.of("nora", "A,C", "ned", "A", "carl", "", "dora", "",
                "partner", "C", "other-partner", "", "sam", "A,C");
        Map<String, String> wrong = new HashMap<>();
        viewers.forEach((who, token) -> {
            Set<String> oneByOne = new TreeSet<>();
            clients.forEach((name, id) -> {
                if (given().auth().oauth2(token).get("/api/v1/clients/" + id).statusCode() == 200) {
                    oneByOne.add(name);
                }
            });
            List<String> listed = given().auth().oauth2(token).queryParam("limit", 200).get("/api/v1/clients").then()
                    .statusCode(200).extract().path("items.id");
            Set<String> inList = names(clients, listed);
            compare(wrong, who + " clients", expectedClients.get(who), oneByOne, inList);

            Set<String> casesOneByOne = new TreeSet<>();
            cases.forEach((name, id) -> {
                if (given().auth().oauth2(token).get("/api/v1/cases/" + id).statusCode() == 200) {
                    casesOneByOne.add(name);
                }
            });
            List<String> casesListed = given().auth().oauth2(token).queryParam("limit", 200).get("/api/v1/cases").then()
                    .statusCode(200).extract().path("items.id");
            compare(wrong, who + " cases", expectedCases.get(who), casesOneByOne, names(cases, casesListed));
        });
        assertEquals(Map.of(), wrong);
    }

    private static void compare(Map<String, String> wrong, String what, String expected, Set<String> oneByOne,
                                Set<String> inList) {
        String single = String.join(",", oneByOne);
        String list = String.join(",", inList);
        if (!single.equals(expected) || !list.equals(expected)) {
            wrong.put(what, "expected " + expected + ", one by one " + single + ", in the list " + list);
        }
    }

    private static Set<String> names(Map<String, String> ids, List<String> listed) {
        Set<String> names = new TreeSet<>();
        ids.forEach((name, id) -> {
            if (listed.contains(id)) {
                names.add(name);
            }
        });
        return names;
    }

    private String register(String token, String family) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":{\"given\":\"Rule\",\"family\":\"" + family + "\"},\"birthDate\":\"1960-02-02\",\"sex\":\"male\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    private String open(String token, String client, String assignee, String team) {
        Map<String, Object> body = new HashMap<>(Map.of("clientId", client, "program", "rule",
                "assignee", TestTokens.subjectOf(assignee)));
        if (team != null) {
            body.put("team", team);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/cases").then()
                .statusCode(201).extract().path("id");
    }

    private String manager(String name, String team) {
        TestTokens.Builder builder = TestTokens.builder(name).claim("tenant", tenant)
                .claim("realm_access", Map.of("roles", List.of("case-manager")));
        return (team == null ? builder : builder.team(team)).build();
    }
}
