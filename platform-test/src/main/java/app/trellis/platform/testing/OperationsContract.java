package app.trellis.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What operators rely on in every service: liveness, readiness over the real dependencies, the
 * OpenAPI document and Prometheus metrics. A service's test extends this and names what it checks.
 */
public abstract class OperationsContract {

    /** A path the service's OpenAPI document must describe, e.g. {@code /api/v1/programs}. */
    protected abstract String documentedPath();

    /** Names of readiness checks that must be present and up. */
    protected String[] readinessChecks() {
        return new String[] {"sqs", "Database connections health check"};
    }

    @Test
    void readinessCoversTheRealDependencies() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(readinessChecks()));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheApiAndItsProblemResponses() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey(documentedPath()))
                .body("components.schemas.Problem.required", hasItems("type", "title", "status"))
                .body("paths['" + documentedPath() + "'].get.responses['401'].content['application/problem+json']"
                        + ".schema.$ref", equalTo("#/components/schemas/Problem"))
                .body("paths['" + documentedPath() + "'].get.responses", hasKey("403"));
    }

    @Test
    void prometheusMetricsArePublished() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /** Ids in paths are client and case ids: metric labels carry the route template, never the id. */
    @Test
    void metricLabelsNeverCarryIdsFromPaths() {
        String id = UUID.randomUUID().toString();
        given().get(documentedPath() + "/" + id).then().statusCode(anyOf(equalTo(401), equalTo(404)));
        given().get("/api/v1/no-such-resource/" + id).then().statusCode(anyOf(equalTo(401), equalTo(404)));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP server metrics are recorded");
        assertFalse(metrics.contains(id), "a path id leaked into a metric label");
    }

    @Test
    void anApiCallWithoutTokenIs401Problem() {
        given().get(documentedPath()).then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
