package app.trellis.platform.crypto;

/**
 * The key that protects the field-encryption keys (envelope encryption): data keys are only ever stored
 * wrapped, and unwrapped in memory when a service starts. In AWS this is a KMS key ({@link
 * KmsKeyEncryptionKey}); locally and in tests a master key in a file outside the repository ({@link
 * LocalKeyEncryptionKey}).
 */
public interface KeyEncryptionKey {

    /**
     * @param keyId   the data key's id, bound to the wrapping so a wrapped key cannot be passed off as another
     * @param wrapped the wrapped data key as stored
     * @return the data key; callers keep it in memory only
     */
    byte[] unwrap(String keyId, byte[] wrapped);
}
