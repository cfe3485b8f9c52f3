package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.cases.event.TaskDueAnnouncer;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.Race;
import app.trellis.platform.testing.TestClock;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Care plans and caseload against MariaDB, with a clock the test moves forward. */
@QuarkusTest
class CarePlanResourceTest {

    @Inject
    TestClock clock;
    @Inject
    TaskDueAnnouncer announcer;
    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = TestTokens.builder("nora").claim("tenant", tenant).team("team-a")
            .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    private final String sam = TestTokens.user(tenant, "sam", "supervisor");
    private String caseUrl;

    @BeforeEach
    void anOpenCase() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"code\":\"recovery\",\"name\":\"Recovery\"}").post("/api/v1/programs").then().statusCode(201);
        String client = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"name\":{\"given\":\"Dorothy\",\"family\":\"Height\"},\"birthDate\":\"1975-03-24\",\"sex\":\"female\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        caseUrl = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", client, "program", "recovery", "assignee", TestTokens.subjectOf("nora"), "team", "team-a", "status", "open"))
                .post("/api/v1/cases").then().statusCode(201).extract().header("Location");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aTaskBecomesOverdueWhenItsDueDatePassesAndIsAnnouncedOnce() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String goal = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("description", "Stable housing", "targetDate", today.plusDays(90).toString()))
                .post(caseUrl + "/goals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("title", "Submit housing application", "dueDate", today.plusDays(3).toString(), "goalId", goal))
                .post(caseUrl + "/tasks").then().statusCode(201).body("overdue", equalTo(false)).body("assignee.name", equalTo("nora"));
        given().auth().oauth2(nora).get(caseUrl + "/tasks").then().body("items.overdue", contains(false));
        announcer.announceDueTasks();
        assertEquals(0, dueEventsOfTenant(), "not announced before it is due");

        clock.advance(Duration.ofDays(3));
        announcer.announceDueTasks();
        assertEquals(1, dueEventsOfTenant(), "announced when it falls due");
        given().auth().oauth2(nora).get(caseUrl + "/tasks").then().body("items.overdue", contains(false));

        clock.advance(Duration.ofDays(1));
        given().auth().oauth2(nora).get(caseUrl + "/tasks").then().body("items.overdue", contains(true));
        given().auth().oauth2(nora).get("/api/v1/caseload").then().statusCode(200)
                .body("overdueTasks", equalTo(1)).body("casesByStatus.open", equalTo(1));
        announcer.announceDueTasks();
        assertEquals(1, dueEventsOfTenant(), "announced once");
    }

    @Test
    void announcersOnTwoInstancesAnnounceEachDueTaskOnceAndLeaveItsETagAlone() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        List<String> tasks = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var created = given().auth().oauth2(nora).contentType(ContentType.JSON)
                    .body(Map.of("title", "Call back " + i, "dueDate", tomorrow.toString()))
                    .post(caseUrl + "/tasks").then().statusCode(201).extract();
            tasks.add(created.path("id"));
            etags.add(created.header("ETag"));
        }
        clock.advance(Duration.ofDays(1));

        // Two instances whose schedules fire at the same moment: neither fails, each task is announced once.
        Race.of(2, i -> announcer.announceDueTasks());
        assertEquals(3, dueEventsOfTenant(), "one task-due event per task");
        for (String task : tasks) {
            assertEquals(1, Jdbc.query(db, "due event of task", "SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ?"
                    + " AND type = ? AND envelope LIKE ?", rs -> rs.getInt(1), tenant, "app.trellis.careplan.task-due.v1",
                    "%" + task + "%").get(0), "task " + task + " announced exactly once");
        }

        // The announcement is not a change the user made: an ETag read before it still updates the task.
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", etags.get(0))
                .body(Map.of("title", "Call back, done", "dueDate", tomorrow.toString(), "status", "done"))
                .put(caseUrl + "/tasks/" + tasks.get(0)).then().statusCode(200).header("ETag", not(equalTo(etags.get(0))));
        // A revision that keeps the due date does not write back a stale "not announced" marker.
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", etags.get(1))
                .body(Map.of("title", "Call back, renamed", "dueDate", tomorrow.toString()))
                .put(caseUrl + "/tasks/" + tasks.get(1)).then().statusCode(200);
        announcer.announceDueTasks();
        assertEquals(3, dueEventsOfTenant(), "still announced once");
    }

    @Test
    void openTasksBlockClosingExceptBySupervisorWithAReason() {
        String task = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("title", "Follow-up call", "dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString()))
                .post(caseUrl + "/tasks").then().statusCode(201).extract().path("id");
        // Planning a task does not change the case itself: its ETag is still "0".
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"closed\",\"reason\":\"Client moved\"}").post(caseUrl + "/status").then()
                .statusCode(409).body("type", equalTo("https://trellis.app/problems/conflict/open-tasks-block-closure"));
        given().auth().oauth2(sam).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"closed\",\"reason\":\"Client moved out of state\"}").post(caseUrl + "/status").then()
                .statusCode(200).body("status", equalTo("closed"));
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("title", "Too late", "dueDate", LocalDate.now(ZoneOffset.UTC).toString()))
                .post(caseUrl + "/tasks").then().statusCode(409);
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Follow-up call", "dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString(),
                        "status", "done"))
                .put(caseUrl + "/tasks/" + task).then().statusCode(200).body("status", equalTo("done"));
    }

    @Test
    void caseloadCountsCasesWithoutContactInThirtyDays() {
        given().auth().oauth2(nora).get("/api/v1/caseload").then().body("openCasesWithoutContactIn30Days", equalTo(1));
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("type", "contact", "occurredAt", Instant.now().minusSeconds(60).toString(), "text", "Check-in"))
                .post(caseUrl + "/notes").then().statusCode(201);
        given().auth().oauth2(nora).get("/api/v1/caseload").then().body("openCasesWithoutContactIn30Days", equalTo(0));
        clock.advance(Duration.ofDays(31));
        given().auth().oauth2(nora).get("/api/v1/caseload").then().body("openCasesWithoutContactIn30Days", equalTo(1));
        given().auth().oauth2(sam).queryParam("caseManager", TestTokens.subjectOf("nora")).get("/api/v1/caseload").then().statusCode(200)
                .body("caseManager.id", equalTo(TestTokens.subjectOf("nora")));
        given().auth().oauth2(TestTokens.builder("ned").claim("tenant", tenant)
                        .claim("realm_access", Map.of("roles", List.of("case-manager"))).build())
                .queryParam("caseManager", TestTokens.subjectOf("nora")).get("/api/v1/caseload").then().statusCode(403);
    }

    private int dueEventsOfTenant() {
        return Jdbc.query(db, "due events", "SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND type = ?",
                rs -> rs.getInt(1), tenant, "app.trellis.careplan.task-due.v1").get(0);
    }
}
