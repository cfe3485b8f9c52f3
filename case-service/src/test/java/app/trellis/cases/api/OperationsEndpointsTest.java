package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.OperationsContract;
import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest extends OperationsContract {

    @Override
    protected String documentedPath() {
        return "/api/v1/programs";
    }

    /** What a partner's integrator reads: creates answer 201 with the resource, and every error they can get. */
    @Test
    void theContractNamesCreatedResourcesAndTheErrorsOfEachOperation() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths['/api/v1/clients'].post.responses['201'].content['application/json'].schema.$ref",
                        endsWith("ClientResponse"))
                .body("paths['/api/v1/clients'].post.responses", hasKey("422"))
                .body("paths['/api/v1/clients/{id}'].put.responses", hasKey("412"))
                .body("paths['/api/v1/clients/{id}'].put.responses", hasKey("428"))
                .body("paths['/api/v1/cases/{id}/status'].post.responses", hasKey("409"))
                .body("paths['/api/v1/cases/{id}'].get.responses", hasKey("404"));
    }

    /** A deep dead-letter queue is moved back a page per call; the answer says how many moved and what is left. */
    @Test
    void aRedriveMovesOnePageAndSaysWhetherMoreRemain() {
        MessageQueues queues = MessageQueues.shared();
        queues.drain("trellis-case-events");
        queues.drain("trellis-case-events-dlq");
        for (int i = 0; i < 5; i++) {
            queues.send("trellis-case-events-dlq", "{\"id\":\"dead-" + i + "\"}");
        }
        String operator = TestTokens.withoutTenant("opal", "platform-operator");

        given().auth().oauth2(operator).queryParam("max", 3).post("/ops/dead-letters/redrive").then().statusCode(200)
                .body("moved", equalTo(3)).body("more", equalTo(true)).body("remaining", equalTo(2));
        given().auth().oauth2(operator).post("/ops/dead-letters/redrive").then().statusCode(200)
                .body("moved", equalTo(2)).body("more", equalTo(false)).body("remaining", equalTo(0));

        assertEquals(5, queues.drain("trellis-case-events").size(), "every dead letter is back on the queue");
        assertEquals(0, queues.drain("trellis-case-events-dlq").size());
    }
}
