package app.trellis.assessment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Staff;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees an assessment follows its case, as this service's copy of case access learns it from case events
 * through the real queue: a reassignment moves it, a consent opens it to a partner, a replay changes nothing.
 */
@QuarkusTest
class AssessmentAccessTest {

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = Staff.member(tenant, "nora", "team-a", "case-manager");
    private final String rob = Staff.member(tenant, "rob", "team-b", "case-manager");
    private final String partner = TestTokens.partner(tenant, "partner-north", "system/assessments.read");
    private final UUID caseId = UUID.randomUUID();
    private final UUID clientId = UUID.randomUUID();
    private CaseAccessFeed feed;

    @BeforeEach
    void emptyQueue() {
        MessageQueues.shared().drain(CaseAccessFeed.queue());
        feed = new CaseAccessFeed(consumer, json);
    }

    private String submitted(String token) {
        var started = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "caseId", caseId, "instrumentVersionId", AssessmentsResourceTest.PHQ9))
                .post("/api/v1/assessments").then().statusCode(201).extract();
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", started.header("ETag"))
                .body(Map.of("answers", AssessmentsResourceTest.phq9(1, 1, 1, 1, 1, 0, 0, 0, 0)))
                .post("/api/v1/assessments/" + started.path("id") + "/submit").then().statusCode(200);
        return started.path("id");
    }

    private void sees(String token, String id, boolean expected) {
        given().auth().oauth2(token).get("/api/v1/assessments/" + id).then().statusCode(expected ? 200 : 404);
        given().auth().oauth2(token).queryParam("clientId", clientId).get("/api/v1/assessments").then().statusCode(200)
                .body("items", hasSize(expected ? 1 : 0));
    }

    @Test
    void reassigningTheCaseMovesItsAssessmentsAndReplayingTheEventsTwiceChangesNothing() {
        List<CloudEvent> history = List.of(
                feed.access(tenant, caseId, clientId, 1, "nora", "team-a", "referred"),
                feed.access(tenant, caseId, clientId, 2, "nora", "team-a", "open"));
        feed.send(history);
        String id = submitted(nora);
        sees(nora, id, true);
        sees(rob, id, false);

        List<CloudEvent> later = List.of(feed.access(tenant, caseId, clientId, 3, "rob", "team-b", "open"),
                feed.access(tenant, caseId, clientId, 4, "rob", "team-b", "closed"));
        feed.send(later);
        sees(nora, id, false);
        sees(rob, id, true);
        given().auth().oauth2(rob).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "caseId", caseId, "instrumentVersionId", AssessmentsResourceTest.PHQ9))
                .post("/api/v1/assessments").then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/case-closed"));

        List<CloudEvent> all = new ArrayList<>(history);
        all.addAll(later);
        for (int replay = 0; replay < 2; replay++) {
            List<CloudEvent> again = new ArrayList<>();
            for (CloudEvent e : all) {
                again.add(new CloudEvent(e.specversion(), UUID.randomUUID().toString(), e.source(), e.type(),
                        e.subject(), e.time(), e.tenantid(), e.sequence(), e.datacontenttype(), e.data()));
            }
            feed.send(again);
        }
        sees(nora, id, false);
        sees(rob, id, true);
    }

    @Test
    void aPartnerReadsOnlyWhileADataSharingConsentNamesIt() {
        feed.send(feed.access(tenant, caseId, clientId, 1, "nora", "team-a", "open"));
        String id = submitted(nora);
        sees(partner, id, false);
        feed.send(feed.sharing(tenant, clientId, 1, "partner-north", "granted"));
        sees(partner, id, true);
        given().auth().oauth2(partner).get("/api/v1/assessments/" + id + "/fhir").then().statusCode(200);
        feed.send(feed.sharing(tenant, clientId, 2, "partner-north", "revoked"));
        sees(partner, id, false);
    }
}
