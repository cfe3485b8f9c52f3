package app.trellis.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks published events against the JSON Schemas that ship in the platform jar
 * ({@code trellis/contracts/<type>.schema.json} and the envelope's {@code cloudevent.schema.json}), the
 * same files consumers outside the platform are given.
 */
public final class EventContracts {

    private static final String BASE = "trellis/contracts/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /** The violations of one event (envelope and data), empty when it matches its contract. */
    public static List<String> violations(JsonNode event) {
        List<String> found = new ArrayList<>(describe(schema("cloudevent"), event));
        String type = event.path("type").asText();
        if (!exists(type)) {
            found.add("no schema for event type " + type);
            return found;
        }
        found.addAll(describe(schema(type), event.path("data")));
        return found;
    }

    /** Fails with every violation listed when the event does not match its contract. */
    public static void assertValid(JsonNode event) {
        List<String> found = violations(event);
        if (!found.isEmpty()) {
            throw new AssertionError(event.path("type").asText() + " does not match its schema: " + found);
        }
    }

    /** The schema document of an event type, as shipped. */
    public static JsonNode schemaDocument(String type) {
        try (InputStream in = resource(type)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema for event type " + type);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean exists(String type) {
        try (InputStream in = resource(type)) {
            return in != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> describe(Schema schema, JsonNode node) {
        return schema.validate(node).stream().map(Error::toString).toList();
    }

    private static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = resource(n)) {
                return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputStream resource(String name) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(BASE + name + ".schema.json");
    }
}
