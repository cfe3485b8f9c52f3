package app.trellis.document.service;

import app.trellis.document.config.DocumentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The document bucket, through the AWS SDK (S3Proxy locally). Bytes always stream: uploads from the request's
 * spooled file, downloads straight to the response, checksums computed on the way.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    @Inject
    S3Client s3;
    @Inject
    S3Presigner presigner;
    @Inject
    DocumentsConfig config;

    /** Stores the file under {@code key} and returns the hex SHA-256 of exactly the bytes sent. */
    public String put(String key, Path file, long size, String contentType) {
        AtomicReference<MessageDigest> lastDigest = new AtomicReference<>();
        // The SDK may open the stream again to retry; the digest of the last attempt is the one stored.
        RequestBody body = RequestBody.fromContentProvider(() -> {
            try {
                MessageDigest digest = sha256();
                lastDigest.set(digest);
                return new DigestInputStream(Files.newInputStream(file), digest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, size, contentType);
        s3.putObject(encrypted(PutObjectRequest.builder().bucket(config.bucket()).key(key).contentType(contentType)
                .contentLength(size)).build(), body);
        return HexFormat.of().formatHex(lastDigest.get().digest());
    }

    public ResponseInputStream<GetObjectResponse> get(String key) {
        return s3.getObject(b -> b.bucket(config.bucket()).key(key));
    }

    /** The first {@code bytes} of an object (for content sniffing without reading it whole). */
    public InputStream head(String key, long bytes) {
        return s3.getObject(b -> b.bucket(config.bucket()).key(key).range("bytes=0-" + (bytes - 1)));
    }

    /** The object's size, or -1 when there is none. */
    public long size(String key) {
        try {
            return s3.headObject(b -> b.bucket(config.bucket()).key(key)).contentLength();
        } catch (S3Exception e) { // HEAD has no error body: a missing key is a bare 404
            if (e.statusCode() == 404) {
                return -1;
            }
            throw e;
        }
    }

    /** The hex SHA-256 of a stored object, read through once. */
    public String sha256Of(String key) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(get(key), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public void copy(String from, String to) {
        s3.copyObject(b -> {
            b.sourceBucket(config.bucket()).sourceKey(from).destinationBucket(config.bucket()).destinationKey(to);
            if (sse().isPresent()) {
                b.serverSideEncryption(sse().get());
                config.kmsKeyId().ifPresent(b::ssekmsKeyId);
            }
        });
    }

    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
    }

    /** Deletes what it can and never throws: used to clean up after a refused upload, where the refusal matters. */
    public void deleteQuietly(String key) {
        try {
            delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("could not remove a refused upload's object (%s); it holds no document", e.getClass().getSimpleName());
        }
    }

    public List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** A presigned PUT of exactly this content type. */
    public URL presignPut(String key, String contentType, Duration validFor) {
        return presigner.presignPutObject(p -> p.signatureDuration(validFor).putObjectRequest(
                encrypted(PutObjectRequest.builder().bucket(config.bucket()).key(key).contentType(contentType)).build()))
                .url();
    }

    /** A presigned GET that makes the browser save the file under a name that holds no PHI. */
    public URL presignGet(String key, String downloadName, Duration validFor) {
        return presigner.presignGetObject(p -> p.signatureDuration(validFor).getObjectRequest(g -> g
                .bucket(config.bucket()).key(key).responseContentDisposition("attachment; filename=\"" + downloadName + "\"")
                .responseCacheControl("no-store"))).url();
    }

    private PutObjectRequest.Builder encrypted(PutObjectRequest.Builder request) {
        sse().ifPresent(sse -> {
            request.serverSideEncryption(sse);
            config.kmsKeyId().ifPresent(request::ssekmsKeyId);
        });
        return request;
    }

    private Optional<ServerSideEncryption> sse() {
        String setting = config.serverSideEncryption();
        return "none".equals(setting) ? Optional.empty()
                : Optional.of(ServerSideEncryption.fromValue(setting));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
