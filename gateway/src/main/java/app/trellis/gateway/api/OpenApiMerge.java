package app.trellis.gateway.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;

/** Merges OpenAPI 3 documents: paths and components side by side; a component defined twice keeps its first shape. */
final class OpenApiMerge {

    private static final String[] COMPONENT_KINDS = {"schemas", "responses", "parameters", "requestBodies",
        "headers", "securitySchemes"};

    private OpenApiMerge() {
    }

    static JsonObject base() {
        return new JsonObject().put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", "Trellis API").put("version", "1.0.0")
                        .put("description", "All Trellis services through the gateway. Every call needs a bearer token."))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("paths", new JsonObject()).put("components", new JsonObject()).put("tags", new JsonArray())
                .put("x-trellis-missing", new JsonArray());
    }

    static void add(JsonObject into, JsonObject part, Predicate<String> routed) {
        if (part.getString("openapi") != null && part.getString("openapi").startsWith("3.1")) {
            into.put("openapi", part.getString("openapi"));
        }
        JsonObject paths = part.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            if (routed.test(path)) {
                into.getJsonObject("paths").put(path, paths.getValue(path));
            }
        }
        JsonObject components = part.getJsonObject("components", new JsonObject());
        for (String kind : COMPONENT_KINDS) {
            JsonObject entries = components.getJsonObject(kind);
            if (entries == null) {
                continue;
            }
            JsonObject target = into.getJsonObject("components").getJsonObject(kind);
            if (target == null) {
                target = new JsonObject();
                into.getJsonObject("components").put(kind, target);
            }
            for (String name : entries.fieldNames()) {
                if (!target.containsKey(name)) {
                    target.put(name, entries.getValue(name));
                }
            }
        }
        JsonArray tags = part.getJsonArray("tags", new JsonArray());
        for (Object tag : tags) {
            if (!into.getJsonArray("tags").contains(tag)) {
                into.getJsonArray("tags").add(tag);
            }
        }
        if (!into.containsKey("security") && part.containsKey("security")) {
            into.put("security", part.getValue("security"));
        }
    }
}
