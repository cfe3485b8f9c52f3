package app.trellis.platform.crypto;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;

/**
 * Data keys wrapped by AWS KMS: each is the ciphertext blob of {@code GenerateDataKeyWithoutPlaintext}
 * (AES_256) under the service's KMS key, made with the encryption context {@code trellis-key-id=<id>}.
 * The service's task role needs {@code kms:Decrypt} on that key only; the plaintext never leaves memory.
 * Region and credentials come from the standard AWS provider chain (the ECS task role).
 */
public final class KmsKeyEncryptionKey implements KeyEncryptionKey {

    /**
     * The encryption context key every data key is wrapped and unwrapped with; the AWS templates allow the
     * task roles {@code kms:Decrypt} only with it, so they name this constant rather than a copy of the string.
     */
    public static final String ENCRYPTION_CONTEXT_KEY = "trellis-key-id";

    private final String kmsKeyArn;
    private final KmsClient kms;

    public KmsKeyEncryptionKey(String kmsKeyArn) {
        this(kmsKeyArn, KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    KmsKeyEncryptionKey(String kmsKeyArn, KmsClient kms) {
        this.kmsKeyArn = kmsKeyArn;
        this.kms = kms;
    }

    @Override
    public byte[] unwrap(String keyId, byte[] wrapped) {
        // Naming the key pins the blob to the expected KMS key; the context binds it to the data key id.
        return kms.decrypt(DecryptRequest.builder().keyId(kmsKeyArn).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                .encryptionContext(Map.of(ENCRYPTION_CONTEXT_KEY, keyId)).build()).plaintext().asByteArray();
    }
}
