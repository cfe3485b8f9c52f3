package app.trellis.document.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "trellis.documents")
public interface DocumentsConfig {

    /** The bucket of document bytes (environment-prefixed in AWS). */
    String bucket();

    /** {@code aws:kms} in AWS; {@code none} locally, where S3Proxy refuses encryption headers. */
    String serverSideEncryption();

    /** The KMS key for SSE-KMS; absent means the bucket's default key. */
    Optional<String> kmsKeyId();

    /** Largest file accepted through the service; larger ones take the presigned route. */
    @WithDefault("100M")
    MemorySize maxUploadSize();

    /** Largest file a presigned upload may promise (S3's single PUT limit). */
    @WithDefault("5G")
    MemorySize maxDirectUploadSize();

    /** How long a presigned PUT stays valid. */
    @WithDefault("15M")
    Duration uploadUrlExpiry();

    /** How long a presigned GET stays valid: at most 5 minutes (checked at start). */
    @WithDefault("5M")
    Duration downloadUrlExpiry();

    /** How long a closed case's deleted documents keep their bytes before the sweeper removes them. */
    @WithDefault("P2557D")
    Duration retention();

    Scan scan();

    interface Scan {
        /** {@code always-clean} (local runs) or {@code clamd} (a ClamAV daemon at host:port). */
        @WithDefault("always-clean")
        String scanner();

        @WithDefault("127.0.0.1")
        String clamdHost();

        @WithDefault("3310")
        int clamdPort();

        @WithDefault("30S")
        Duration clamdTimeout();
    }
}
