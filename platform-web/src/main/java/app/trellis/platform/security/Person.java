package app.trellis.platform.security;

/**
 * A person as records name them: the token's subject, which identifies them and is what every access
 * decision compares, and the name they had when they acted, which is only ever shown.
 */
public record Person(String subject, String name) {

    public Person {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a person is known by a subject");
        }
    }
}
