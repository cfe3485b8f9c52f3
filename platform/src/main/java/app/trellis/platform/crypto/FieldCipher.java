package app.trellis.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the most sensitive fields (SSN, Medicaid id, date of birth) with AES-256-GCM. A stored value
 * is {@code v1:<keyId>:<base64(iv | ciphertext | tag)>}: the key id travels with it, so keys rotate
 * without rewriting old rows. The context (e.g. {@code client.ssn|north}) is bound as associated data,
 * so a value copied to another field or tenant fails to decrypt. Equality search goes through
 * {@link #blindIndex}, an HMAC that reveals nothing without the index key.
 */
public final class FieldCipher {

    private static final String FORMAT = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecretKey indexKey;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(String currentKeyId, Map<String, byte[]> keys, byte[] indexKey) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current key id has no key");
        }
        Map<String, SecretKey> aes = new HashMap<>();
        keys.forEach((id, bytes) -> aes.put(id, new SecretKeySpec(requireLength(bytes), "AES")));
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(aes);
        this.indexKey = new SecretKeySpec(requireLength(indexKey), "HmacSHA256");
    }

    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return FORMAT + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field encryption failed", e);
        }
    }

    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(FORMAT) || !keys.containsKey(parts[1])) {
            throw new IllegalStateException("unknown field-encryption format or key");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never include the value: the message may reach a log.
            throw new IllegalStateException("field decryption failed (wrong key, context or tampered value)");
        }
    }

    /** True when the value was written with an older key and should be re-encrypted. */
    public boolean needsRotation(String stored) {
        return stored != null && !stored.startsWith(FORMAT + ":" + currentKeyId + ":");
    }

    /** Keyed hash for exact-match search: the same normalised value in the same context gives the same index. */
    public String blindIndex(String normalisedValue, String context) {
        if (normalisedValue == null) {
            return null;
        }
        return hmac(context + "\u001f" + normalisedValue);
    }

    /** HMAC-SHA256 (hex) under the index key (the audit chain has keys of its own: {@link AuditKeys}). */
    public String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyed hash failed", e);
        }
    }

    private static byte[] requireLength(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("keys must be 256 bits");
        }
        return key;
    }
}
