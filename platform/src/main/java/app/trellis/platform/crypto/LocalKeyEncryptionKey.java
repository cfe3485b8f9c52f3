package app.trellis.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit master key kept in a file (base64) that wraps data keys with AES-256-GCM, the data key's id
 * bound as associated data. The local stand-in for KMS: the same envelope, the master key on disk
 * instead of in an HSM.
 */
public final class LocalKeyEncryptionKey implements KeyEncryptionKey {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec master;

    public LocalKeyEncryptionKey(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 256 bits");
        }
        this.master = new SecretKeySpec(masterKey.clone(), "AES");
    }

    public static LocalKeyEncryptionKey fromFile(Path file) {
        try {
            return new LocalKeyEncryptionKey(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file", e);
        }
    }

    /** A fresh random 256-bit key (a master key or a data key). */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Wraps a data key for storage: {@code iv | ciphertext | tag}. */
    public byte[] wrap(String keyId, byte[] dataKey) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, keyId);
            byte[] sealed = cipher.doFinal(dataKey);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a data key failed", e);
        }
    }

    @Override
    public byte[] unwrap(String keyId, byte[] wrapped) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(wrapped, 0, IV_BYTES), keyId);
            return cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
        } catch (GeneralSecurityException | RuntimeException e) {
            // No detail: the message must not help anyone probe the key material.
            throw new IllegalStateException("data key '" + keyId + "' does not unwrap with this master key");
        }
    }

    private Cipher cipher(int mode, byte[] iv, String keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, master, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("trellis-data-key:" + keyId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
