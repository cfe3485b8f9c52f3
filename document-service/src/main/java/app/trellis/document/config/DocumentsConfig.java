package app.trellis.document.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "trellis.documents")
public interface DocumentsConfig {

    /** The bucket of document bytes (environment-prefixed in AWS). */
    String bucket();

    /** {@code aws:kms} in AWS; {@code none} locally, where S3Proxy refuses encryption headers. */
    String serverSideEncryption();
}
