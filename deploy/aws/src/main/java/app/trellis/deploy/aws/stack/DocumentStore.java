package app.trellis.deploy.aws.stack;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The document bucket: bytes under {@link #PREFIX}, SSE-KMS with the documents key and a bucket key, versioned
 * (old versions expire after the settings' days), never public, TLS only, every request logged to the access-log
 * bucket. The access-log bucket also takes the load balancer's logs; both services only deliver to S3-managed
 * encryption, so it uses that.
 */
public final class DocumentStore extends Construct {

    /**
     * The key prefix document-service writes under ({@code tenant/<tenant>/client/<client>/<document>/<version>},
     * its ObjectStore); its role reaches nothing else in the bucket.
     */
    public static final String PREFIX = "tenant/";
    private static final String KMS_KEY_HEADER = "s3:x-amz-server-side-encryption-aws-kms-key-id";

    final Bucket accessLogs;
    final Bucket documents;

    DocumentStore(Construct scope, String id, Naming naming, Keys keys, DeployParameters parameters) {
        super(scope, id);
        var env = naming.env();
        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .bucketName(naming.bucket("access-logs"))
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true).minimumTlsVersion(1.2)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-logs")
                        .expiration(Duration.days(env.accessLogRetentionDays())).build()))
                .removalPolicy(naming.dataRemovalPolicy())
                .build();
        documents = Bucket.Builder.create(this, "Documents")
                .bucketName(naming.bucket("documents"))
                .encryption(BucketEncryption.KMS).encryptionKey(keys.documents).bucketKeyEnabled(true)
                .versioned(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true).minimumTlsVersion(1.2)
                .serverAccessLogsBucket(accessLogs).serverAccessLogsPrefix("s3/documents/")
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-old-versions")
                        .noncurrentVersionExpiration(Duration.days(env.documentNoncurrentVersionDays()))
                        .abortIncompleteMultipartUploadAfter(Duration.days(7))
                        .expiredObjectDeleteMarker(true).build()))
                // Browsers of the web app PUT and GET through presigned URLs.
                .cors(List.of(CorsRule.builder()
                        .allowedOrigins(Token.asList(Fn.split(",", parameters.corsOrigins.getValueAsString())))
                        .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.GET)).allowedHeaders(List.of("*"))
                        .exposedHeaders(List.of("ETag")).maxAge(3000).build()))
                .removalPolicy(naming.dataRemovalPolicy())
                .build();
        // Uploads get the documents key: one that names another key is refused, and so is one that asks for
        // SSE without naming a key (S3 would use the account's AWS-managed key); one that asks for nothing gets
        // the bucket's default, this key.
        documents.addToResourcePolicy(denyPut("DenyOtherKmsKeys", Map.of(
                "Null", Map.of(KMS_KEY_HEADER, "false"),
                "StringNotEquals", Map.of(KMS_KEY_HEADER, keys.documents.getKeyArn()))));
        documents.addToResourcePolicy(denyPut("DenyEncryptionWithoutThisKey", Map.of(
                "Null", Map.of(KMS_KEY_HEADER, "true"),
                "StringEquals", Map.of("s3:x-amz-server-side-encryption", List.of("aws:kms", "AES256")))));
    }

    private PolicyStatement denyPut(String sid, Map<String, Object> conditions) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal())).actions(List.of("s3:PutObject"))
                .resources(List.of(documents.arnForObjects("*"))).conditions(conditions).build();
    }
}
