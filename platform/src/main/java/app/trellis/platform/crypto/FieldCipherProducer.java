package app.trellis.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The field-encryption key ring, unwrapped when first needed (services without encrypted fields need no
 * keys). Configuration, from the environment or a key file outside the repository, never from code:
 * <ul>
 * <li>{@code trellis.crypto.current-key}: the id new values are encrypted with;</li>
 * <li>{@code trellis.crypto.keys.<id>}: every data key still readable, wrapped (base64), so old values
 * stay readable after a rotation;</li>
 * <li>{@code trellis.crypto.index-key}: the wrapped key of blind indexes (id {@code index});</li>
 * <li>{@code trellis.crypto.current-audit-key} and {@code trellis.crypto.audit-keys.<id>}: the keys the audit
 * chain is linked with, wrapped under the id {@code audit.<id>}; kept apart from the index key so that each
 * rotates on its own;</li>
 * <li>{@code trellis.crypto.key-encryption}: {@code local} (a master key in the file named by
 * {@code trellis.crypto.master-key-file}) or {@code kms} (the key in {@code trellis.crypto.kms-key-arn}).</li>
 * </ul>
 */
@ApplicationScoped
public class FieldCipherProducer {

    private static final String PREFIX = "trellis.crypto.";
    public static final String INDEX_KEY_ID = "index";
    public static final String AUDIT_KEY_WRAP_PREFIX = "audit.";

    @Produces
    @Singleton
    FieldCipher fieldCipher(Config config) {
        return fromConfig(config);
    }

    @Produces
    @Singleton
    AuditKeys auditKeys(Config config) {
        return auditKeysFromConfig(config);
    }

    /** The audit chain's keys the configuration describes, unwrapped. */
    public static AuditKeys auditKeysFromConfig(Config config) {
        KeyEncryptionKey kek = keyEncryptionKey(config);
        Map<String, byte[]> keys = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX + "audit-keys.")) {
                String id = name.substring((PREFIX + "audit-keys.").length());
                keys.put(id, kek.unwrap(AUDIT_KEY_WRAP_PREFIX + id, decode(config.getValue(name, String.class))));
            }
        }
        // Records linked before the keys were split name the index key; they stay verifiable.
        keys.put(INDEX_KEY_ID, kek.unwrap(INDEX_KEY_ID, decode(config.getValue(PREFIX + "index-key", String.class))));
        return new AuditKeys(config.getValue(PREFIX + "current-audit-key", String.class), keys);
    }

    /** The key ring the configuration describes, its data keys unwrapped. */
    public static FieldCipher fromConfig(Config config) {
        return ring(config, keyEncryptionKey(config));
    }

    static FieldCipher ring(Config config, KeyEncryptionKey kek) {
        String current = config.getValue(PREFIX + "current-key", String.class);
        Map<String, byte[]> keys = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX + "keys.")) {
                String id = name.substring((PREFIX + "keys.").length());
                keys.put(id, kek.unwrap(id, decode(config.getValue(name, String.class))));
            }
        }
        byte[] index = kek.unwrap(INDEX_KEY_ID, decode(config.getValue(PREFIX + "index-key", String.class)));
        return new FieldCipher(current, keys, index);
    }

    static KeyEncryptionKey keyEncryptionKey(Config config) {
        String kind = config.getOptionalValue(PREFIX + "key-encryption", String.class).orElse("local");
        return switch (kind) {
            case "local" -> LocalKeyEncryptionKey.fromFile(
                    Path.of(config.getValue(PREFIX + "master-key-file", String.class)));
            case "kms" -> new KmsKeyEncryptionKey(config.getValue(PREFIX + "kms-key-arn", String.class));
            default -> throw new IllegalStateException("trellis.crypto.key-encryption must be local or kms");
        };
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.trim());
    }
}
