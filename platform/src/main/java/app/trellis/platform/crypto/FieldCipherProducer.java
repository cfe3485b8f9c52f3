package app.trellis.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The local key ring, read when first needed (services without encrypted fields need no keys):
 * {@code trellis.crypto.current-key} (the id new values use), {@code trellis.crypto.keys.<id>} (every key
 * still readable; base64, 256 bit) and {@code trellis.crypto.index-key} (blind indexes, audit chain).
 * They come from the environment or a key file outside the repository, never from code. An AWS
 * deployment replaces this with KMS-generated data keys (envelope encryption); the stored format and
 * the key id per value stay the same.
 */
@ApplicationScoped
public class FieldCipherProducer {

    private static final String PREFIX = "trellis.crypto.";

    @Produces
    @Singleton
    FieldCipher fieldCipher(Config config) {
        String current = config.getValue(PREFIX + "current-key", String.class);
        Map<String, byte[]> keys = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX + "keys.")) {
                keys.put(name.substring((PREFIX + "keys.").length()), decode(config.getValue(name, String.class)));
            }
        }
        return new FieldCipher(current, keys, decode(config.getValue(PREFIX + "index-key", String.class)));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.trim());
    }
}
