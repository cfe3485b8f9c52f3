package app.trellis.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.crypto.AuditKeys;
import app.trellis.platform.crypto.FieldCipher;
import app.trellis.platform.crypto.FieldCipherProducer;
import app.trellis.platform.crypto.LocalKeyEncryptionKey;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local key file: made in envelope form, and an older raw-key file upgraded without losing data. */
class FieldKeyFilesTest {

    @Test
    void aKeyFileFromBeforeEnvelopeEncryptionIsWrappedInPlaceAndOldValuesStayReadable(@TempDir Path dir) throws Exception {
        byte[] dataKey = LocalKeyEncryptionKey.newKey();
        byte[] indexKey = LocalKeyEncryptionKey.newKey();
        Path file = dir.resolve("field-keys.properties");
        Files.writeString(file, "trellis.crypto.current-key=local1\ntrellis.crypto.keys.local1="
                + Base64.getEncoder().encodeToString(dataKey) + "\ntrellis.crypto.index-key="
                + Base64.getEncoder().encodeToString(indexKey) + "\n");
        FieldCipher raw = new FieldCipher("local1", Map.of("local1", dataKey), indexKey);
        String stored = raw.encrypt("123-45-6789", "client.ssn|north");

        FieldKeyFiles.ensure(file, dir.resolve("field-master.key"));
        String text = Files.readString(file);
        assertFalse(text.contains(Base64.getEncoder().encodeToString(dataKey)), "no raw data key left on disk");
        assertTrue(text.contains("trellis.crypto.master-key-file="));

        FieldCipher upgraded = ring(file);
        assertEquals("123-45-6789", upgraded.decrypt(stored, "client.ssn|north"));
        assertEquals(raw.blindIndex("123456789", "ssn|north"), upgraded.blindIndex("123456789", "ssn|north"));

        FieldKeyFiles.ensure(file, dir.resolve("field-master.key"));
        assertEquals(text, Files.readString(file), "a file already in envelope form is left alone");
    }

    @Test
    void aRingWithoutAnAuditKeyGetsOneAndKeepsEveryOtherKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("field-keys.properties");
        Path master = dir.resolve("field-master.key");
        Map<String, String> ring = FieldKeyFiles.create(master, "local1");
        StringBuilder before = new StringBuilder();
        ring.forEach((k, v) -> {
            if (!k.contains("audit-key")) {
                before.append(k).append('=').append(v).append('\n');
            }
        });
        Files.writeString(file, before);
        String stored = ring(file).encrypt("123-45-6789", "client.ssn|north");

        FieldKeyFiles.ensure(file, master);
        Config upgraded = config(file);
        assertEquals("123-45-6789", FieldCipherProducer.fromConfig(upgraded).decrypt(stored, "client.ssn|north"));
        AuditKeys audit = FieldCipherProducer.auditKeysFromConfig(upgraded);
        assertEquals("audit1", audit.currentId());
        assertTrue(audit.knows(FieldCipherProducer.INDEX_KEY_ID), "records linked before the split stay verifiable");
        assertFalse(audit.hmac("audit1", "x").equals(audit.hmac(FieldCipherProducer.INDEX_KEY_ID, "x")),
                "the chain's key is not the index key");
    }

    private static FieldCipher ring(Path file) throws Exception {
        return FieldCipherProducer.fromConfig(config(file));
    }

    private static Config config(Path file) throws Exception {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            props.load(in);
        }
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(n -> map.put(n, props.getProperty(n)));
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(map, "file", 100)).build();
    }
}
