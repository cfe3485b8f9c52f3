package app.trellis.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys the audit chain is linked with, apart from the blind-index key so that each can rotate on its
 * own. Every record names the id of the key that hashed it; new records use the current key, older ones
 * stay verifiable as long as their key stays in the ring. The id {@code index} is the blind-index key,
 * which linked the chain before the keys were split.
 */
public final class AuditKeys {

    private final String currentId;
    private final Map<String, SecretKey> keys;

    public AuditKeys(String currentId, Map<String, byte[]> keys) {
        if (!keys.containsKey(currentId)) {
            throw new IllegalArgumentException("the current audit key id has no key");
        }
        Map<String, SecretKey> macKeys = new HashMap<>();
        keys.forEach((id, bytes) -> {
            if (bytes == null || bytes.length != 32) {
                throw new IllegalArgumentException("audit keys must be 256 bits");
            }
            macKeys.put(id, new SecretKeySpec(bytes, "HmacSHA256"));
        });
        this.currentId = currentId;
        this.keys = Map.copyOf(macKeys);
    }

    public String currentId() {
        return currentId;
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** HMAC-SHA256 (hex) of {@code text} under the key {@code keyId}. */
    public String hmac(String keyId, String text) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no audit key with id '" + keyId + "'");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyed hash failed", e);
        }
    }
}
