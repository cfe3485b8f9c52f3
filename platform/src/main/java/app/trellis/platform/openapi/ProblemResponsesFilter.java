package app.trellis.platform.openapi;

import app.trellis.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Puts the error half of the contract into every service's OpenAPI document: the {@code Problem} schema
 * (RFC 9457 with {@code requestId} and field {@code errors}) and, on each {@code /api/} operation, the
 * problem responses the platform's rules can produce there. An integrator reads which errors to handle
 * from the document instead of discovering them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> describe(path, method, operation));
            }
        });
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        boolean hasInput = operation.getRequestBody() != null || hasParameters(operation, Parameter.In.QUERY);
        add(responses, "400", "The request is not valid; `errors` names each field", hasInput || path.contains("{"));
        add(responses, "401", "No valid bearer token", true);
        add(responses, "403", "The token's roles or scopes do not allow this, or it carries no tenant", true);
        add(responses, "404", "Not found, or not visible to the caller (another tenant's records always are)",
                path.contains("{"));
        add(responses, "409", "A business rule refused the change; `type` names the rule", writes);
        add(responses, "412", "The If-Match ETag is stale: read again and retry", hasHeader(operation, "If-Match"));
        add(responses, "428", "If-Match is required for this change", hasHeader(operation, "If-Match"));
        add(responses, "415", "The body must be application/json", operation.getRequestBody() != null);
        add(responses, "422", "The Idempotency-Key was used before with a different body",
                hasHeader(operation, "Idempotency-Key"));
        add(responses, "500", "An unexpected error; the problem carries only the request id", true);
    }

    private static void add(APIResponses responses, String status, String description, boolean applies) {
        if (!applies) {
            return;
        }
        var content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
        var existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            // Quarkus adds bare 401/403 entries for secured operations; give them our body and wording.
            existing.description(description).content(content);
        }
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static boolean hasParameters(Operation operation, Parameter.In in) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> p.getIn() == in);
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", text, "message", text)).required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, always served as application/problem+json")
                .properties(Map.of(
                        "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                                .example("https://trellis.app/problems/validation"),
                        "title", text,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", text,
                        "instance", text,
                        "requestId", text,
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)))
                .required(List.of("type", "title", "status"));
    }
}
