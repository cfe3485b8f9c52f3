package app.trellis.platform.access;

import java.util.Map;

/**
 * A query condition the access rule produced: text to AND into a WHERE clause (JPQL and SQL read it alike,
 * given the paths or columns of the caller's shape) and the named parameters it binds. Parameter names
 * start with {@code acc} so they never collide with the query's own.
 */
public record Condition(String text, Map<String, Object> parameters) {

    public Condition {
        parameters = Map.copyOf(parameters);
    }
}
