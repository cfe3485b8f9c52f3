package app.trellis.cases.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.trellis.platform.contracts.AssessmentSubmittedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * assessment-service's submissions, through the case-service queue on ElasticMQ, become the latest score per
 * instrument on the case: the newest submission wins whatever order the events arrive in, an amendment replaces its
 * original, redelivery changes nothing, and only the people working the case read it.
 */
@QuarkusTest
class LatestScoresTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = TestTokens.builder("nora").claim("tenant", tenant).team("team-a")
            .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    private final UUID phq9 = UUID.randomUUID();
    private final UUID gad7 = UUID.randomUUID();
    private final Instant monday = Instant.parse("2026-11-30T09:00:00Z");
    private UUID client;
    private UUID caseId;

    @BeforeEach
    void aCase() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"code\":\"care-coordination\",\"name\":\"Care coordination\"}").post("/api/v1/programs")
                .then().statusCode(201);
        client = UUID.fromString(given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("name", Map.of("given", "Ada", "family", "Synthetic"), "birthDate", "1985-12-10", "sex", "female"))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id"));
        caseId = UUID.fromString(given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", client.toString(), "program", "care-coordination", "assignee",
                        TestTokens.subjectOf("nora"), "team", "team-a", "status", "open"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id"));
    }

    @Test
    void theNewestSubmissionOfEachInstrumentIsOnTheCaseWhateverTheOrderOfArrival() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CloudEvent older = submitted(first, phq9, 1, 14, "moderate", List.of(), monday);
        CloudEvent newer = submitted(second, phq9, 1, 21, "severe", List.of("safety-risk"), monday.plus(Duration.ofDays(30)));
        deliver(newer, older, newer);

        given().auth().oauth2(nora).get("/api/v1/cases/" + caseId + "/scores").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].assessmentId", equalTo(second.toString()))
                .body("items[0].total", equalTo(21))
                .body("items[0].band", equalTo("severe"))
                .body("items[0].flags", contains("safety-risk"))
                .body("items[0].instrument", equalTo("http://loinc.org/q/44249-1|1.0.0"))
                .body("items[0].submittedAt", equalTo("2026-12-30T09:00:00Z"));

        deliver(submitted(UUID.randomUUID(), gad7, 1, 5, "mild", List.of(), monday.plus(Duration.ofDays(31))));
        given().auth().oauth2(nora).get("/api/v1/cases/" + caseId + "/scores").then().statusCode(200)
                .body("items.instrumentId", contains(gad7.toString(), phq9.toString()));
    }

    @Test
    void anAmendmentReplacesItsOriginalEvenAtTheSameInstant() {
        UUID original = UUID.randomUUID();
        UUID amendment = UUID.randomUUID();
        deliver(submitted(amendment, phq9, 2, 9, "mild", List.of(), monday),
                submitted(original, phq9, 1, 19, "moderately severe", List.of(), monday));
        given().auth().oauth2(nora).get("/api/v1/cases/" + caseId + "/scores").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].assessmentId", equalTo(amendment.toString()))
                .body("items[0].revision", equalTo(2)).body("items[0].total", equalTo(9));
    }

    @Test
    void onlyThePeopleWorkingTheCaseReadItsScores() {
        deliver(submitted(UUID.randomUUID(), phq9, 1, 3, "minimal", List.of(), monday));
        String path = "/api/v1/cases/" + caseId + "/scores";
        given().get(path).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.user("another-" + tenant, "nora", "case-manager")).get(path).then()
                .statusCode(404).contentType(PROBLEM);
        String otherTeam = TestTokens.builder("omar").claim("tenant", tenant).team("team-b")
                .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
        given().auth().oauth2(otherTeam).get(path).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.user(tenant, "aud", "auditor")).get(path).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/cases.read")).get(path).then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.user(tenant, "sue", "supervisor")).get(path).then().statusCode(200)
                .body("items", hasSize(1));
    }

    private CloudEvent submitted(UUID assessment, UUID instrument, int revision, int total, String band,
                                 List<String> flags, Instant at) {
        String canonical = instrument.equals(phq9) ? "http://loinc.org/q/44249-1|1.0.0" : "http://loinc.org/q/69737-5|1.0.0";
        return CloudEvent.of("/trellis/assessment-service", AssessmentSubmittedV1.TYPE, "assessment/" + assessment, at,
                tenant, 1, json.valueToTree(new AssessmentSubmittedV1(assessment, client, caseId, instrument, canonical,
                        revision, BigDecimal.valueOf(total), Map.of(), band, flags, "1")));
    }

    /** Sends the events in this order (the same one twice is a redelivery) and lets the consumer take them all. */
    private void deliver(CloudEvent... events) {
        new CaseAccessFeed(consumer, json).send(events);
    }
}
