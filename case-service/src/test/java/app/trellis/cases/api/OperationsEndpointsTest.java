package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasKey;

import app.trellis.platform.testing.OperationsContract;
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
}
