package app.trellis.platform.access;

/**
 * Who answers for a record: a case's assignee and team, or, before any case exists, the person (and team)
 * who registered the client. People are their token subjects.
 */
public record Responsibility(String subject, String team) {
}
