package app.trellis.assessment.api;

import app.trellis.platform.security.Person;

/**
 * A person in a response: {@code id} is the token subject, the only thing to compare; {@code name} is how they
 * were known when they acted, for display.
 */
public record PersonRef(String id, String name) {

    static PersonRef of(Person person) {
        return person == null ? null : new PersonRef(person.subject(), person.name());
    }
}
