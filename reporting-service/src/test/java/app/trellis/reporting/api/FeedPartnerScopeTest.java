package app.trellis.reporting.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;

import app.trellis.platform.contracts.TaskDueV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A partner subscriber sees events about a client only while a data-sharing consent naming it is in force, as
 * the consent and case events last told reporting; events naming only a case count as their client's.
 */
@QuarkusTest
class FeedPartnerScopeTest {

    private static final String PARTNER = "partner-north";

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPartnerSeesOnlyClientsWhoseConsentNamesItAndNothingOnceItIsRevoked() {
        CaseAccessFeed cases = new CaseAccessFeed(consumer, json);
        UUID shared = UUID.randomUUID();
        UUID notShared = UUID.randomUUID();
        UUID sharedElsewhere = UUID.randomUUID();
        UUID sharedCase = UUID.randomUUID();
        UUID otherCase = UUID.randomUUID();
        UUID elsewhereCase = UUID.randomUUID();
        apply(cases.sharing(tenant, shared, 1, PARTNER, "granted"),
                cases.sharing(tenant, sharedElsewhere, 1, "another-partner", "granted"),
                cases.access(tenant, sharedCase, shared, 1, "nora", null, "open"),
                cases.access(tenant, otherCase, notShared, 1, "nora", null, "open"),
                cases.access(tenant, elsewhereCase, sharedElsewhere, 1, "nora", null, "open"),
                cases.opened(tenant, sharedCase, shared, "care-coordination", Instant.now(), 2),
                cases.opened(tenant, otherCase, notShared, "care-coordination", Instant.now(), 2),
                cases.opened(tenant, elsewhereCase, sharedElsewhere, "care-coordination", Instant.now(), 2),
                taskDue(sharedCase), taskDue(otherCase));
        String partner = TestTokens.partner(tenant, PARTNER, "feed.read");

        List<String> subjects = given().auth().oauth2(partner).get("/api/v1/feed").then().statusCode(200)
                .extract().path("items.subject");
        assertThat(subjects, containsInAnyOrder("client/" + shared, "case/" + sharedCase, "case/" + sharedCase,
                "task/" + sharedCase));
        given().auth().oauth2(TestTokens.partner(tenant, "reporting-north", "feed.read")).get("/api/v1/feed")
                .then().body("items", hasSize(10));

        apply(cases.sharing(tenant, shared, 2, PARTNER, "revoked"));
        given().auth().oauth2(partner).get("/api/v1/feed").then().statusCode(200).body("items", hasSize(0));
    }

    private CloudEvent taskDue(UUID caseId) {
        return CloudEvent.of("/trellis/case-service", "app.trellis.careplan.task-due.v1", "task/" + caseId, Instant.now(),
                tenant, 1, json.valueToTree(new TaskDueV1(UUID.randomUUID(), caseId, TestTokens.subjectOf("nora"),
                        LocalDate.now())));
    }

    private void apply(CloudEvent... events) {
        for (CloudEvent event : events) {
            consumer.apply(event);
        }
    }
}
