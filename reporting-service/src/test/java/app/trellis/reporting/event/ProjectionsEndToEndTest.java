package app.trellis.reporting.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.contracts.CaseAccessChangedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.ConsumeUntilQuiet;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import app.trellis.reporting.KnownEvents;
import app.trellis.reporting.ProjectionRows;
import app.trellis.reporting.service.ProjectionRebuild;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The projections end to end: events sent to the service's real queue (ElasticMQ) and consumed as in production
 * build the read models; the same events again, in any order, change nothing; a rebuild from the stored events
 * gives what the live path gave.
 */
@QuarkusTest
class ProjectionsEndToEndTest {

    private static final String QUEUE = "trellis-reporting-events";

    @Inject
    EventConsumer consumer;
    @Inject
    @Any
    Instance<Projection> projections;
    @Inject
    ProjectionRows rows;
    @Inject
    ProjectionRebuild rebuild;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now();

    @BeforeEach
    void emptyQueue() {
        MessageQueues.shared().drain(QUEUE);
    }

    @Test
    void eventsThroughTheQueueInAnyOrderBuildWhatTheyDescribeAndTheSameEventsAgainChangeNothing() throws Exception {
        List<CloudEvent> story = KnownEvents.story(tenant, json, now);
        List<CloudEvent> shuffled = new ArrayList<>(story);
        Collections.shuffle(shuffled, new Random(12));
        send(shuffled);

        assertEquals(story.size(), Sql.count(rows.db(), "SELECT COUNT(*) FROM inbox_event i JOIN feed_event f"
                + " ON f.event_id = i.event_id WHERE f.tenant_id = ?", tenant), "every event applied once");
        assertEquals(List.of("on-hold", KnownEvents.NED, "team-b"), caseRow(3), "the newest of each group won");
        assertEquals(List.of("closed", KnownEvents.NORA, "team-a"), caseRow(2));
        assertEquals("revoked", Sql.string(rows.db(), "SELECT status FROM consent_view WHERE tenant_id = ?"
                + " AND consent_id = ?", tenant, KnownEvents.consentId(3).toString()));
        assertEquals(KnownEvents.assessmentId(7).toString(), Sql.string(rows.db(), "SELECT assessment_id FROM"
                + " client_score WHERE tenant_id = ? AND client_id = ? AND instrument_id = ?", tenant,
                KnownEvents.clientId(5).toString(), KnownEvents.GAD.toString()), "the latest result of the client");
        assertEquals("2 pending-scan", Sql.string(rows.db(), "SELECT CONCAT(versions, ' ', scan) FROM document_view"
                + " WHERE tenant_id = ? AND document_id = ?", tenant, KnownEvents.documentId(1).toString()),
                "a later version's pending scan outranks the first version's result");

        String other = "t-" + UUID.randomUUID().toString().substring(0, 8);
        KnownEvents.story(other, json, now).forEach(consumer::apply);
        List<String> built = rows.of(tenant);
        assertEquals(rows.of(other), built, "the order of delivery makes no difference");

        Collections.shuffle(shuffled, new Random(34));
        send(shuffled);
        assertEquals(built, rows.of(tenant), "redelivered: nothing changed");

        // Past the inbox too: each projection applying each event a second time changes nothing.
        QuarkusTransaction.requiringNew().run(() -> shuffled.forEach(event -> projections.forEach(p -> {
            if (p.handles(event.type())) {
                p.handle(event);
            }
        })));
        assertEquals(built, rows.of(tenant), "applied again: nothing changed");
    }

    @Test
    void anOlderEventOfACaseArrivingLateDoesNotUndoANewerOne() {
        UUID caseId = UUID.randomUUID();
        consumer.apply(access(caseId, 5, "closed", KnownEvents.NED));
        consumer.apply(access(caseId, 3, "open", KnownEvents.NORA));
        assertEquals(List.of("closed", KnownEvents.NED, "team"), rows.query("SELECT status, assignee, team"
                + " FROM case_view WHERE tenant_id = ? AND case_id = ?", tenant, caseId.toString()).get(0));
    }

    @Test
    void aRebuildFromTheStoredEventsGivesWhatTheLivePathGave() {
        KnownEvents.story(tenant, json, now).forEach(consumer::apply);
        List<String> live = rows.of(tenant);

        given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor")).post("/ops/projections/rebuild").then()
                .statusCode(403);
        given().post("/ops/projections/rebuild").then().statusCode(401);
        String progress = given().auth().oauth2(TestTokens.user("ops", "opal", "platform-operator"))
                .post("/ops/projections/rebuild").then().statusCode(200)
                .body(containsString("emptied case_view")).body(containsString("done: ")).extract().asString();

        assertEquals(live, rows.of(tenant), "rebuilt equals live\n" + progress);
        // Nothing of a tenant's data in the progress: counts and positions only.
        assertEquals(-1, progress.indexOf(tenant));
    }

    @Test
    void oneRebuildAtATime() {
        rebuild.claim();
        try {
            given().auth().oauth2(TestTokens.user("ops", "opal", "platform-operator")).post("/ops/projections/rebuild")
                    .then().statusCode(409).contentType("application/problem+json");
        } finally {
            rebuild.run(line -> { });
        }
    }

    private List<Object> caseRow(int n) {
        return rows.query("SELECT status, assignee, team FROM case_view WHERE tenant_id = ? AND case_id = ?",
                tenant, KnownEvents.caseId(n).toString()).get(0);
    }

    private CloudEvent access(UUID caseId, long sequence, String status, String assignee) {
        return CloudEvent.of("/trellis/case-service", CaseAccessChangedV1.TYPE, "case/" + caseId, Instant.now(), tenant,
                sequence, json.valueToTree(new CaseAccessChangedV1(caseId, UUID.randomUUID(), assignee, "team", status)));
    }

    private void send(List<CloudEvent> events) throws Exception {
        for (CloudEvent event : events) {
            MessageQueues.shared().send(QUEUE, json.writeValueAsString(event));
        }
        ConsumeUntilQuiet.poll(consumer, 200);
    }
}
