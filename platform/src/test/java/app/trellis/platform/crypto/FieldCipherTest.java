package app.trellis.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] K1 = key();
    private static final byte[] K2 = key();
    private static final byte[] INDEX = key();
    private final FieldCipher cipher = new FieldCipher("k1", Map.of("k1", K1), INDEX);

    @Test
    void aValueRoundTripsAndItsCiphertextHidesIt() {
        String stored = cipher.encrypt("123-45-6789", "client.ssn|north");
        assertFalse(stored.contains("6789"));
        assertTrue(stored.startsWith("v1:k1:"));
        assertEquals("123-45-6789", cipher.decrypt(stored, "client.ssn|north"));
        assertNotEquals(stored, cipher.encrypt("123-45-6789", "client.ssn|north"), "a fresh IV every time");
    }

    @Test
    void aValueMovedToAnotherFieldOrTenantOrAlteredDoesNotDecrypt() {
        String stored = cipher.encrypt("123-45-6789", "client.ssn|north");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "client.ssn|river"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "client.medicaid|north"));
        String altered = stored.substring(0, stored.length() - 3) + (stored.endsWith("A==") ? "B==" : "A==");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(altered, "client.ssn|north"));
        assertFalse(failure.getMessage().contains("6789"));
    }

    @Test
    void keysRotateWithoutRewritingOldValues() {
        String old = cipher.encrypt("1990-04-01", "client.birthDate|north");
        FieldCipher rotated = new FieldCipher("k2", Map.of("k1", K1, "k2", K2), INDEX);
        assertEquals("1990-04-01", rotated.decrypt(old, "client.birthDate|north"));
        assertTrue(rotated.needsRotation(old));
        assertTrue(rotated.encrypt("x", "c").startsWith("v1:k2:"));
    }

    @Test
    void theBlindIndexIsStablePerContextAndKeyed() {
        assertEquals(cipher.blindIndex("123456789", "client.ssn|north"), cipher.blindIndex("123456789", "client.ssn|north"));
        assertNotEquals(cipher.blindIndex("123456789", "client.ssn|north"), cipher.blindIndex("123456789", "client.ssn|river"));
        FieldCipher otherKey = new FieldCipher("k1", Map.of("k1", K1), key());
        assertNotEquals(cipher.blindIndex("123456789", "client.ssn|north"), otherKey.blindIndex("123456789", "client.ssn|north"));
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
