package app.trellis.platform.testing;

import app.trellis.platform.crypto.FieldCipherProducer;
import app.trellis.platform.crypto.LocalKeyEncryptionKey;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Local field-encryption keys in envelope form: a master key file (the local stand-in for a KMS key) and
 * the data keys wrapped by it, as configuration properties. Tests make a fresh set per JVM; the local
 * stack makes one per machine and keeps it with the data it protects.
 */
public final class FieldKeyFiles {

    private static final String PREFIX = "trellis.crypto.";

    private FieldKeyFiles() {
    }

    /** Writes a new master key to {@code masterFile} and returns the properties of a fresh wrapped key ring. */
    public static Map<String, String> create(Path masterFile, String keyId) {
        byte[] masterKey = LocalKeyEncryptionKey.newKey();
        writeSecret(masterFile, Base64.getEncoder().encodeToString(masterKey));
        LocalKeyEncryptionKey kek = new LocalKeyEncryptionKey(masterKey);
        Map<String, String> props = new TreeMap<>();
        props.put(PREFIX + "key-encryption", "local");
        props.put(PREFIX + "master-key-file", masterFile.toAbsolutePath().toString());
        props.put(PREFIX + "current-key", keyId);
        props.put(PREFIX + "keys." + keyId, wrap(kek, keyId, LocalKeyEncryptionKey.newKey()));
        props.put(PREFIX + "index-key", wrap(kek, FieldCipherProducer.INDEX_KEY_ID, LocalKeyEncryptionKey.newKey()));
        addAuditKey(props, kek, "audit1");
        return props;
    }

    private static void addAuditKey(Map<String, String> props, LocalKeyEncryptionKey kek, String id) {
        props.put(PREFIX + "current-audit-key", id);
        props.put(PREFIX + "audit-keys." + id, wrap(kek, FieldCipherProducer.AUDIT_KEY_WRAP_PREFIX + id,
                LocalKeyEncryptionKey.newKey()));
    }

    /**
     * Makes sure {@code propertiesFile} holds a wrapped key ring. A file from before envelope encryption
     * (raw keys, no master key) is upgraded in place: its keys are kept, so existing data stays readable,
     * and wrapped with a new master key.
     */
    public static void ensure(Path propertiesFile, Path masterFile) {
        if (!Files.exists(propertiesFile)) {
            write(propertiesFile, create(masterFile, "local1"));
            return;
        }
        Properties props = read(propertiesFile);
        if (props.containsKey(PREFIX + "master-key-file")) {
            if (!props.containsKey(PREFIX + "current-audit-key")) {
                // A ring from before the audit chain had keys of its own: add one, keep everything else.
                Map<String, String> withAuditKey = new TreeMap<>();
                props.stringPropertyNames().forEach(name -> withAuditKey.put(name, props.getProperty(name).trim()));
                addAuditKey(withAuditKey, LocalKeyEncryptionKey.fromFile(
                        Path.of(props.getProperty(PREFIX + "master-key-file").trim())), "audit1");
                write(propertiesFile, withAuditKey);
            }
            return;
        }
        byte[] masterKey = LocalKeyEncryptionKey.newKey();
        writeSecret(masterFile, Base64.getEncoder().encodeToString(masterKey));
        LocalKeyEncryptionKey kek = new LocalKeyEncryptionKey(masterKey);
        Map<String, String> upgraded = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            String value = props.getProperty(name).trim();
            if (name.startsWith(PREFIX + "keys.")) {
                value = wrap(kek, name.substring((PREFIX + "keys.").length()), Base64.getDecoder().decode(value));
            } else if (name.equals(PREFIX + "index-key")) {
                value = wrap(kek, FieldCipherProducer.INDEX_KEY_ID, Base64.getDecoder().decode(value));
            }
            upgraded.put(name, value);
        }
        upgraded.put(PREFIX + "key-encryption", "local");
        upgraded.put(PREFIX + "master-key-file", masterFile.toAbsolutePath().toString());
        addAuditKey(upgraded, kek, "audit1");
        write(propertiesFile, upgraded);
    }

    private static String wrap(LocalKeyEncryptionKey kek, String id, byte[] key) {
        return Base64.getEncoder().encodeToString(kek.wrap(id, key));
    }

    private static Properties read(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private static void write(Path file, Map<String, String> props) {
        StringBuilder text = new StringBuilder("# Field-encryption key ring: data keys wrapped by the master key file.\n");
        props.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        writeSecret(file, text.toString());
    }

    private static void writeSecret(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies.
            }
            try (Writer out = Files.newBufferedWriter(tmp)) {
                out.write(content);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
