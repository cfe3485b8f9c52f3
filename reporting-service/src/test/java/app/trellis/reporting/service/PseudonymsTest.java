package app.trellis.reporting.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.reporting.config.FeedConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private static final String KEY = "a-key-of-at-least-thirty-two-characters";
    private static final String CLIENT = "0192f4d2-7c1a-7e55-9a3b-2f1d5e6a7b8c";

    @Test
    void aPseudonymIsStablePerSubscriberDiffersBetweenSubscribersAndIsAUuidOfNoRealKind() {
        Pseudonyms pseudonyms = pseudonyms(KEY, true);
        String a = pseudonyms.of("warehouse-a", CLIENT);
        assertEquals(a, pseudonyms.of("warehouse-a", CLIENT));
        assertNotEquals(a, pseudonyms.of("warehouse-b", CLIENT));
        assertNotEquals(a, pseudonyms(KEY + "-rotated", true).of("warehouse-a", CLIENT), "the key makes it");
        assertEquals(8, UUID.fromString(a).version(), "version 8: says it is no real id");
    }

    @Test
    void theServiceDoesNotStartWithADeidentifiedSubscriberAndNoOrAShortKey() {
        assertThrows(IllegalStateException.class, () -> pseudonyms("", true));
        assertThrows(IllegalStateException.class, () -> pseudonyms("short", true));
        assertDoesNotThrow(() -> pseudonyms("", false), "no de-identified subscriber, no key needed");
    }

    private static Pseudonyms pseudonyms(String key, boolean deidentified) {
        Pseudonyms pseudonyms = new Pseudonyms();
        pseudonyms.config = new Config(key, deidentified);
        pseudonyms.loadKey();
        return pseudonyms;
    }

    /** Configuration as SmallRye would map it, for the two settings this class reads. */
    private record Config(String key, boolean deidentified) implements FeedConfig {
        @Override
        public Optional<String> pseudonymKey() {
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        }

        @Override
        public Map<String, Subscriber> subscribers() {
            return Map.of("warehouse-a", new Subscriber() {
                @Override
                public Optional<Set<String>> types() {
                    return Optional.empty();
                }

                @Override
                public boolean deidentified() {
                    return deidentified;
                }

                @Override
                public boolean partner() {
                    return false;
                }
            });
        }

        @Override
        public Delivery delivery() {
            throw new UnsupportedOperationException("not read by Pseudonyms");
        }
    }
}
