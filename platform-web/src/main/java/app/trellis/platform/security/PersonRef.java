package app.trellis.platform.security;

/**
 * A person in a response: {@code id} is the token subject, the only thing to compare or send back (an
 * assignment names its assignee by it); {@code name} is how they were known when they acted, for display.
 */
public record PersonRef(String id, String name) {

    public static PersonRef of(Person person) {
        return person == null ? null : new PersonRef(person.subject(), person.name());
    }
}
