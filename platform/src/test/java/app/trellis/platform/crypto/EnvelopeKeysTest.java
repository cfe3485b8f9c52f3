package app.trellis.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envelope encryption with the local master key: data keys exist on disk only wrapped. */
class EnvelopeKeysTest {

    private final LocalKeyEncryptionKey master = new LocalKeyEncryptionKey(LocalKeyEncryptionKey.newKey());

    @Test
    void aWrappedKeyUnwrapsOnlyUnderItsOwnIdAndMasterKeyAndUnaltered() {
        byte[] dataKey = LocalKeyEncryptionKey.newKey();
        byte[] wrapped = master.wrap("k1", dataKey);
        assertArrayEquals(dataKey, master.unwrap("k1", wrapped));
        assertThrows(IllegalStateException.class, () -> master.unwrap("k2", wrapped), "bound to its id");
        LocalKeyEncryptionKey other = new LocalKeyEncryptionKey(LocalKeyEncryptionKey.newKey());
        assertThrows(IllegalStateException.class, () -> other.unwrap("k1", wrapped), "bound to its master key");
        byte[] altered = wrapped.clone();
        altered[altered.length - 1] ^= 1;
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> master.unwrap("k1", altered));
        assertFalse(failure.getMessage().contains(Base64.getEncoder().encodeToString(dataKey)));
    }

    @Test
    void theKeyRingReadsWrappedKeysAndKeepsOldValuesReadableAfterARotation(@TempDir Path dir) throws Exception {
        Path masterFile = dir.resolve("master.key");
        byte[] masterKey = LocalKeyEncryptionKey.newKey();
        Files.writeString(masterFile, Base64.getEncoder().encodeToString(masterKey));
        LocalKeyEncryptionKey kek = new LocalKeyEncryptionKey(masterKey);
        Map<String, String> props = new HashMap<>(Map.of(
                "trellis.crypto.master-key-file", masterFile.toString(),
                "trellis.crypto.current-key", "k1",
                "trellis.crypto.keys.k1", wrapped(kek, "k1", LocalKeyEncryptionKey.newKey()),
                "trellis.crypto.index-key", wrapped(kek, FieldCipherProducer.INDEX_KEY_ID, LocalKeyEncryptionKey.newKey())));
        FieldCipher before = ring(props);
        String stored = before.encrypt("123-45-6789", "client.ssn|north");

        props.put("trellis.crypto.keys.k2", wrapped(kek, "k2", LocalKeyEncryptionKey.newKey()));
        props.put("trellis.crypto.current-key", "k2");
        FieldCipher after = ring(props);
        assertEquals("123-45-6789", after.decrypt(stored, "client.ssn|north"));
        assertEquals(before.blindIndex("123456789", "ssn|north"), after.blindIndex("123456789", "ssn|north"),
                "a data-key rotation keeps the search index");
        assertEquals("v1:k2", after.encrypt("x", "c").substring(0, 5));
    }

    @Test
    void aRawDataKeyInTheConfigurationIsRefused(@TempDir Path dir) throws Exception {
        Path masterFile = dir.resolve("master.key");
        Files.writeString(masterFile, Base64.getEncoder().encodeToString(LocalKeyEncryptionKey.newKey()));
        String raw = Base64.getEncoder().encodeToString(LocalKeyEncryptionKey.newKey());
        Map<String, String> props = Map.of("trellis.crypto.master-key-file", masterFile.toString(),
                "trellis.crypto.current-key", "k1", "trellis.crypto.keys.k1", raw, "trellis.crypto.index-key", raw);
        assertThrows(IllegalStateException.class, () -> ring(props));
    }

    private static String wrapped(LocalKeyEncryptionKey kek, String id, byte[] key) {
        return Base64.getEncoder().encodeToString(kek.wrap(id, key));
    }

    private static FieldCipher ring(Map<String, String> props) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(props, "test", 100)).build();
        return FieldCipherProducer.fromConfig(config);
    }
}
