package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.SynthTemplates;
import app.trellis.deploy.aws.model.EnvironmentSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.assertions.Template;

/**
 * The three environments' templates, synthesized once per test JVM (a synth takes seconds) into
 * target/cdk-test, as {@link Template}s for the CDK's assertions and as JSON for walking policies.
 */
public final class Synthesized {

    public static final Path OUT = Path.of("target", "cdk-test");
    private static Map<String, Synthesized> all;

    public final EnvironmentSettings settings;
    public final JsonNode json;
    public final Path file;
    private Template template;

    private Synthesized(EnvironmentSettings settings, Path file) {
        this.settings = settings;
        this.file = file;
        try {
            this.json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized Synthesized of(String environment) {
        if (all == null) {
            Map<String, Synthesized> made = new LinkedHashMap<>();
            SynthTemplates.synthesize(OUT, EnvironmentSettings.ALL);
            for (String name : EnvironmentSettings.ALL) {
                made.put(name, new Synthesized(EnvironmentSettings.load(name),
                        OUT.resolve("trellis-" + name + ".template.json")));
            }
            all = made;
        }
        return all.get(environment);
    }

    /** {@code @MethodSource(Synthesized.ENVIRONMENTS)}: a test per environment. */
    public static final String ENVIRONMENTS = "app.trellis.deploy.aws.stack.Synthesized#environments";

    /** Every environment's name. */
    public static Stream<String> environments() {
        return EnvironmentSettings.ALL.stream();
    }

    public static List<Path> files() {
        return EnvironmentSettings.ALL.stream().map(name -> of(name).file).toList();
    }

    @SuppressWarnings("unchecked")
    public synchronized Template template() {
        if (template == null) {
            template = Template.fromJSON(new ObjectMapper().convertValue(json, Map.class));
        }
        return template;
    }

    /** Every resource, by logical id. */
    public void forEachResource(java.util.function.BiConsumer<String, JsonNode> action) {
        json.get("Resources").fields().forEachRemaining(e -> action.accept(e.getKey(), e.getValue()));
    }

    /** Logical id to resource, of one type. */
    public Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        json.get("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    public JsonNode resource(String logicalId) {
        JsonNode resource = json.get("Resources").get(logicalId);
        if (resource == null) {
            throw new AssertionError("no resource " + logicalId);
        }
        return resource;
    }

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} points to, or null for anything else. */
    public static String target(JsonNode value) {
        if (value.has("Ref")) {
            return value.get("Ref").asText();
        }
        if (value.has("Fn::GetAtt")) {
            return value.get("Fn::GetAtt").get(0).asText();
        }
        return null;
    }
}
