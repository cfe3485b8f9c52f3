package app.trellis.assessment.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.assessment.service.SharedLibrary;
import app.trellis.platform.contracts.AssessmentDueV1;
import app.trellis.platform.contracts.AssessmentOverdueV1;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.AuditIntents;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.EventContracts;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Race;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.Staff;
import app.trellis.platform.testing.TestClock;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reassessment schedules with a clock the test moves: case events start and stop them, a submission satisfies
 * one round and expects the next, and every expected assessment raises assessment.due and then
 * assessment.overdue exactly once, on any number of instances.
 */
@QuarkusTest
class ReassessmentScheduleTest {

    private static final String PHQ9 = SharedLibrary.instrumentId("phq-9").toString();
    private static final String PHQ9_V1 = SharedLibrary.versionId("https://trellis.app/fhir/Questionnaire/phq-9|1")
            .toString();

    @Inject
    TestClock clock;
    @Inject
    ScheduleAnnouncer announcer;
    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = Staff.member(tenant, "nora", "team-a", "case-manager");
    private final String sam = TestTokens.user(tenant, "sam", "supervisor");
    private CaseAccessFeed feed;

    private record Case(UUID id, UUID clientId) {
    }

    @BeforeEach
    void emptyQueue() {
        MessageQueues.shared().drain(CaseAccessFeed.queue());
        feed = new CaseAccessFeed(consumer, json);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void anOpenedCaseIsDueThenOverdueOnceThenSatisfiedAndItsNextRoundEndsWithTheCase() {
        LocalDate opened = today();
        String schedule = schedule(30, 90, 7);
        Case c = openCase("nora", "team-a");
        announcer.announce();
        assertEquals(0, events(AssessmentDueV1.TYPE).size(), "not due before its window opens");
        given().auth().oauth2(nora).get("/api/v1/assessments/due").then().statusCode(200).body("items", hasSize(0));

        clock.advance(Duration.ofDays(23));
        announcer.announce();
        announcer.announce();
        List<JsonNode> due = events(AssessmentDueV1.TYPE);
        assertEquals(1, due.size(), "due raised once when the window opens (30 - 7 days after opening)");
        JsonNode data = due.get(0).path("data");
        assertEquals(schedule, data.path("scheduleId").asText());
        assertEquals(c.id().toString(), data.path("caseId").asText());
        assertEquals(PHQ9, data.path("instrumentId").asText());
        assertEquals(opened.plusDays(23).toString(), data.path("windowOpens").asText());
        assertEquals(opened.plusDays(30).toString(), data.path("dueDate").asText());
        given().auth().oauth2(nora).queryParam("assignee", "me").get("/api/v1/assessments/due").then().statusCode(200)
                .body("items.caseId", contains(c.id().toString())).body("items[0].status", equalTo("due"))
                .body("items[0].dueDate", equalTo(opened.plusDays(30).toString()))
                .body("items[0].assignee", equalTo(TestTokens.subjectOf("nora")));
        given().auth().oauth2(nora).queryParam("status", "overdue").get("/api/v1/assessments/due").then()
                .body("items", hasSize(0));

        clock.advance(Duration.ofDays(7));
        announcer.announce();
        assertEquals(0, events(AssessmentOverdueV1.TYPE).size(), "still due on the due date itself");
        clock.advance(Duration.ofDays(1));
        announcer.announce();
        announcer.announce();
        List<JsonNode> overdue = events(AssessmentOverdueV1.TYPE);
        assertEquals(1, overdue.size(), "overdue raised once, the day after the due date");
        assertEquals(1, events(AssessmentDueV1.TYPE).size(), "and due not again");
        assertEquals("1", due.get(0).path("sequence").asText());
        assertEquals("2", overdue.get(0).path("sequence").asText(), "overdue follows due on the same occurrence");
        assertEquals(due.get(0).path("subject").asText(), overdue.get(0).path("subject").asText());
        given().auth().oauth2(nora).queryParam("status", "overdue").get("/api/v1/assessments/due").then()
                .body("items", hasSize(1)).body("items[0].status", equalTo("overdue"));

        // Submitting satisfies the round and expects the next 90 days later, due from 7 days before.
        String assessment = submitPhq9(c);
        given().auth().oauth2(nora).get("/api/v1/assessments/due").then().body("items", hasSize(0));
        clock.advance(Duration.ofDays(82));
        announcer.announce();
        assertEquals(1, events(AssessmentDueV1.TYPE).size(), "the next round is not due yet");
        clock.advance(Duration.ofDays(1));
        announcer.announce();
        due = events(AssessmentDueV1.TYPE);
        assertEquals(2, due.size());
        assertEquals(opened.plusDays(31 + 90).toString(), due.get(1).path("data").path("dueDate").asText());

        // The case closes: what it still expected is cancelled, nothing more is raised or listed.
        feed.send(feed.access(tenant, c.id(), c.clientId(), 2, "nora", "team-a", "closed"),
                feed.closed(tenant, c.id(), c.clientId(), "recovery", clock.instant(), 3));
        clock.advance(Duration.ofDays(30));
        announcer.announce();
        assertEquals(2, events(AssessmentDueV1.TYPE).size());
        assertEquals(1, events(AssessmentOverdueV1.TYPE).size());
        given().auth().oauth2(sam).get("/api/v1/assessments/due").then().body("items", hasSize(0));
        assertEquals(List.of("1:satisfied:" + assessment, "2:cancelled:null"), rounds(c));
        for (String type : List.of(AssessmentDueV1.TYPE, AssessmentOverdueV1.TYPE)) {
            events(type).forEach(EventContracts::assertValid);
        }
    }

    @Test
    void announcersOnTwoInstancesRaiseDueThenOverdueOncePerOccurrence() {
        schedule(10, null, 3);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(openCase("nora", "team-a"));
        }
        // Straight past the due dates: due and overdue are both owed, in that order.
        clock.advance(Duration.ofDays(11));
        Race.of(2, i -> announcer.announce());
        announcer.announce();
        List<JsonNode> due = events(AssessmentDueV1.TYPE);
        List<JsonNode> overdue = events(AssessmentOverdueV1.TYPE);
        assertEquals(3, due.size(), "one due per occurrence");
        assertEquals(3, overdue.size(), "one overdue per occurrence");
        for (Case c : cases) {
            assertEquals(List.of("1"), sequences(due, c), "due of case " + c.id());
            assertEquals(List.of("2"), sequences(overdue, c), "overdue of case " + c.id());
        }
    }

    @Test
    void replayedCaseEventsAndAClosingThatArrivesFirstScheduleNothingTwice() {
        schedule(30, 90, 7);
        Case replayed = openCase("nora", "team-a");
        var again = feed.opened(tenant, replayed.id(), replayed.clientId(), "recovery", clock.instant(), 1);
        feed.send(again, again);
        assertEquals(List.of("1:pending:null"), rounds(replayed));

        Case closedFirst = new Case(UUID.randomUUID(), UUID.randomUUID());
        // Sent apart: events sent together may be handled in any order (workers run side by side).
        feed.send(feed.closed(tenant, closedFirst.id(), closedFirst.clientId(), "recovery", clock.instant(), 3));
        feed.send(feed.opened(tenant, closedFirst.id(), closedFirst.clientId(), "recovery", clock.instant(), 1));
        assertEquals(List.of(), rounds(closedFirst), "a case known to be closed is never scheduled");

        Case otherProgram = new Case(UUID.randomUUID(), UUID.randomUUID());
        feed.send(feed.opened(tenant, otherProgram.id(), otherProgram.clientId(), "housing", clock.instant(), 1));
        assertEquals(List.of(), rounds(otherProgram), "the rule is for another program");
    }

    @Test
    void aNewRuleCountsOpenCasesFromItsOwnDayAndRetiringItCancelsWhatItExpected() {
        Case old = new Case(UUID.randomUUID(), UUID.randomUUID());
        feed.send(feed.access(tenant, old.id(), old.clientId(), 1, "nora", "team-a", "open"),
                feed.opened(tenant, old.id(), old.clientId(), "recovery", clock.instant().minus(Duration.ofDays(200)), 1));
        String schedule = schedule(30, 90, 7);
        assertEquals(List.of("1:pending:null"), rounds(old));
        assertEquals(today().plusDays(30).toString(), Sql.string(db, "SELECT due_date FROM assessment_occurrence"
                + " WHERE case_id = ?", old.id().toString()));

        String etag = given().auth().oauth2(sam).get("/api/v1/schedules/" + schedule).then().extract().header("ETag");
        Map<String, Object> retire = new HashMap<>(Map.of("firstWithinDays", 30, "repeatEveryDays", 90, "active", false));
        etag = given().auth().oauth2(sam).contentType(ContentType.JSON).header("If-Match", etag).body(retire)
                .put("/api/v1/schedules/" + schedule).then().statusCode(200).body("active", equalTo(false))
                .extract().header("ETag");
        assertEquals(List.of("1:cancelled:null"), rounds(old));
        clock.advance(Duration.ofDays(40));
        announcer.announce();
        assertEquals(0, events(AssessmentDueV1.TYPE).size(), "a retired rule raises nothing");

        retire.put("active", true);
        given().auth().oauth2(sam).contentType(ContentType.JSON).header("If-Match", etag).body(retire)
                .put("/api/v1/schedules/" + schedule).then().statusCode(200).body("active", equalTo(true))
                .body("effectiveOn", equalTo(today().toString()));
        assertEquals(List.of("1:cancelled:null", "2:pending:null"), rounds(old), "reactivated: a new round from today");
    }

    @Test
    void theDueListShowsOnlyCasesTheCallerSeesAndAuditsEachItem() {
        schedule(0, null, 0);
        Case noras = openCase("nora", "team-a");
        Case neds = openCase("ned", "team-b");
        given().auth().oauth2(nora).get("/api/v1/assessments/due").then().statusCode(200)
                .body("items.caseId", contains(noras.id().toString()));
        given().auth().oauth2(sam).get("/api/v1/assessments/due").then().statusCode(200)
                .body("items.caseId", containsInAnyOrder(noras.id().toString(), neds.id().toString()));
        given().auth().oauth2(sam).queryParam("assignee", TestTokens.subjectOf("ned")).get("/api/v1/assessments/due")
                .then().body("items.caseId", contains(neds.id().toString()));
        given().auth().oauth2(sam).queryParam("assignee", "me").get("/api/v1/assessments/due").then()
                .body("items", hasSize(0));
        given().auth().oauth2(Staff.member(tenant, "carl", "team-c", "case-manager")).get("/api/v1/assessments/due")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/assessments.read"))
                .get("/api/v1/assessments/due").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.user("other-" + tenant, "ruth", "supervisor")).get("/api/v1/assessments/due")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.user(tenant, "otto", "auditor")).get("/api/v1/assessments/due").then()
                .statusCode(403);
        given().auth().oauth2(nora).queryParam("status", "late").get("/api/v1/assessments/due").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));

        // Paged by due date: one per page, then the end.
        String next = given().auth().oauth2(sam).queryParam("limit", 1).get("/api/v1/assessments/due").then()
                .body("items", hasSize(1)).extract().path("nextCursor");
        given().auth().oauth2(sam).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/assessments/due")
                .then().body("items", hasSize(1)).body("nextCursor", equalTo(null));

        AuditIntents.awaitChained(db);
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ? AND action = 'SEARCH'"
                + " AND resource_type = 'assessment-occurrence' AND client_id = ? AND actor = ?", tenant,
                noras.clientId().toString(), TestTokens.subjectOf("nora")));
    }

    private String schedule(int first, Integer repeat, int window) {
        Map<String, Object> body = new HashMap<>(Map.of("program", "recovery", "instrumentId", PHQ9,
                "firstWithinDays", first, "windowDays", window));
        if (repeat != null) {
            body.put("repeatEveryDays", repeat);
        }
        return given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body(body).post("/api/v1/schedules").then().statusCode(201).extract().path("id");
    }

    private Case openCase(String assignee, String team) {
        Case c = new Case(UUID.randomUUID(), UUID.randomUUID());
        feed.send(feed.access(tenant, c.id(), c.clientId(), 1, assignee, team, "open"),
                feed.opened(tenant, c.id(), c.clientId(), "recovery", clock.instant(), 1));
        return c;
    }

    private String submitPhq9(Case c) {
        String id = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", c.clientId(), "caseId", c.id(), "instrumentVersionId", PHQ9_V1))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        Map<String, Object> answers = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            answers.put("phq9-" + i, "0");
        }
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("answers", answers)).post("/api/v1/assessments/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The case's rounds as {@code no:status:satisfiedBy}. */
    private List<String> rounds(Case c) {
        return Jdbc.query(db, "rounds", "SELECT occurrence_no, status, satisfied_by FROM assessment_occurrence"
                + " WHERE case_id = ? ORDER BY occurrence_no", rs -> rs.getInt(1) + ":" + rs.getString(2) + ":"
                + rs.getString(3), c.id().toString());
    }

    private List<JsonNode> events(String type) {
        return Jdbc.query(db, "events", "SELECT envelope FROM outbox_event WHERE tenant_id = ? AND type = ?"
                + " ORDER BY created_at, sequence_no", rs -> {
                    try {
                        return json.readTree(rs.getString(1));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, tenant, type);
    }

    private static List<String> sequences(List<JsonNode> events, Case c) {
        return events.stream().filter(e -> e.path("data").path("caseId").asText().equals(c.id().toString()))
                .map(e -> e.path("sequence").asText()).toList();
    }
}
