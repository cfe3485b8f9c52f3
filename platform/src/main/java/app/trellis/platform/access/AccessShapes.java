package app.trellis.platform.access;

/**
 * Where a query finds the facts the access rule needs: JPQL paths over case-service's entities, or column
 * names over another service's local copy of case access. Each shape names the outer query's alias paths
 * or, for the tables searched in a subquery, the entity (or table) and its columns.
 */
public final class AccessShapes {

    private AccessShapes() {
    }

    /** The outer query's case: its assignee, team and client paths, e.g. {@code k.assignee}. */
    public record CaseShape(String assignee, String team, String clientId) {
    }

    /** The outer query's client: its id, registrar and team paths, e.g. {@code c.registeredBy}. */
    public record ClientShape(String id, String registeredBy, String team) {
    }

    /** The table of cases, searched for "a case of this client that the viewer works". */
    public record CaseTable(String name, String tenantId, String clientId, String assignee, String team) {
    }

    /** The table of consents, searched for "a data-sharing consent naming this partner in force today". */
    public record ConsentTable(String name, String tenantId, String clientId, String type, String partner,
                               String status, String effective, String expiry) {
    }
}
