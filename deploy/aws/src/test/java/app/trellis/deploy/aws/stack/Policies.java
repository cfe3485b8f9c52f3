package app.trellis.deploy.aws.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading IAM roles and their policies out of a synthesized template. */
final class Policies {

    private Policies() {
    }

    /** The logical id of the role with this name. */
    static String roleNamed(Synthesized s, String roleName) {
        return s.resources("AWS::IAM::Role").entrySet().stream()
                .filter(e -> e.getValue().path("Properties").path("RoleName").asText().equals(roleName))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no role named " + roleName));
    }

    /** Every statement of every policy attached to the role (inline policies of the role included). */
    static List<JsonNode> statements(Synthesized s, String roleLogicalId) {
        List<JsonNode> statements = new ArrayList<>();
        s.resources("AWS::IAM::Policy").values().forEach(policy -> {
            for (JsonNode role : policy.path("Properties").path("Roles")) {
                if (roleLogicalId.equals(Synthesized.target(role))) {
                    policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
                }
            }
        });
        s.resource(roleLogicalId).path("Properties").path("Policies")
                .forEach(p -> p.path("PolicyDocument").path("Statement").forEach(statements::add));
        return statements;
    }

    static List<String> actions(JsonNode statement) {
        return strings(statement.path("Action"));
    }

    /** Resources of a statement as logical ids where they are references, else as written. */
    static List<String> resources(JsonNode statement) {
        List<String> out = new ArrayList<>();
        JsonNode resource = statement.path("Resource");
        for (JsonNode r : resource.isArray() ? resource : List.of(resource)) {
            String target = Synthesized.target(r);
            out.add(target != null ? target : r.isTextual() ? r.asText() : r.toString());
        }
        return out;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode()) {
            out.add(node.asText());
        }
        return out;
    }
}
