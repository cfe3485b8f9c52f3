package app.trellis.deploy.aws.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;

/** Data at rest is encrypted with the environment's keys; buckets are never public; S3 and SQS refuse plain HTTP. */
class EncryptionAndTlsTest {


    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void theDatabaseQueuesTopicLogsAndKeysAreEncryptedWithCustomerManagedKeys(String env) {
        Synthesized s = Synthesized.of(env);
        String databaseKey = TaskRolesTest.keyWithAlias(s, env + "-trellis-database");
        s.resources("AWS::RDS::DBCluster").values().forEach(cluster -> {
            assertTrue(cluster.path("Properties").path("StorageEncrypted").asBoolean());
            assertEquals(databaseKey, Synthesized.target(cluster.path("Properties").path("KmsKeyId")));
        });
        String messagingKey = TaskRolesTest.keyWithAlias(s, env + "-trellis-messaging");
        assertFalse(s.resources("AWS::SQS::Queue").isEmpty());
        s.resources("AWS::SQS::Queue").forEach((id, queue) ->
                assertEquals(messagingKey, Synthesized.target(queue.path("Properties").path("KmsMasterKeyId")), id));
        s.resources("AWS::SNS::Topic").forEach((id, topic) ->
                assertEquals(messagingKey, Synthesized.target(topic.path("Properties").path("KmsMasterKeyId")), id));
        String logsKey = TaskRolesTest.keyWithAlias(s, env + "-trellis-logs");
        s.resources("AWS::Logs::LogGroup").forEach((id, group) -> {
            assertEquals(logsKey, Synthesized.target(group.path("Properties").path("KmsKeyId")), id);
            assertEquals(s.settings.logRetentionDays(), group.path("Properties").path("RetentionInDays").asInt(), id);
        });
        assertEquals(5, s.resources("AWS::KMS::Key").size());
        s.template().allResourcesProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void documentsUseSseKmsWithABucketKeyVersionsAndALifecycleForOldVersions(String env) {
        Synthesized s = Synthesized.of(env);
        String documentsKey = TaskRolesTest.keyWithAlias(s, env + "-trellis-documents");
        JsonNode documents = bucket(s, "documents");
        JsonNode rule = documents.path("Properties").path("BucketEncryption").path("ServerSideEncryptionConfiguration").get(0);
        assertEquals("aws:kms", rule.path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText());
        assertEquals(documentsKey, Synthesized.target(rule.path("ServerSideEncryptionByDefault").path("KMSMasterKeyID")));
        assertTrue(rule.path("BucketKeyEnabled").asBoolean());
        assertEquals("Enabled", documents.path("Properties").path("VersioningConfiguration").path("Status").asText());
        assertEquals(s.settings.documentNoncurrentVersionDays(), documents.path("Properties").path("LifecycleConfiguration")
                .path("Rules").get(0).path("NoncurrentVersionExpiration").path("NoncurrentDays").asInt());
        assertEquals("s3/documents/", documents.path("Properties").path("LoggingConfiguration").path("LogFilePrefix").asText());
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void noBucketIsPublicAndEveryBucketAndQueueRefusesPlainHttp(String env) {
        Synthesized s = Synthesized.of(env);
        s.resources("AWS::S3::Bucket").forEach((id, bucket) -> {
            JsonNode block = bucket.path("Properties").path("PublicAccessBlockConfiguration");
            for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertTrue(block.path(setting).asBoolean(), id + " " + setting);
            }
            assertTrue(bucket.path("Properties").has("BucketEncryption"), id);
            assertTrue(deniesInsecureTransport(s, "AWS::S3::BucketPolicy", "Bucket", id), id + " allows plain HTTP");
        });
        s.resources("AWS::SQS::Queue").keySet().forEach(id ->
                assertTrue(deniesInsecureTransport(s, "AWS::SQS::QueuePolicy", "Queues", id), id + " allows plain HTTP"));
        s.template().allResourcesProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void theDatabaseRequiresTls(String env) {
        Synthesized.of(env).template().hasResourceProperties("AWS::RDS::DBClusterParameterGroup",
                Map.of("Parameters", Map.of("require_secure_transport", "ON")));
    }

    static JsonNode bucket(Synthesized s, String what) {
        return s.resources("AWS::S3::Bucket").values().stream()
                .filter(b -> b.path("Properties").path("BucketName").toString().contains("-trellis-" + what + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("no bucket " + what));
    }

    /** A policy on the resource denies every request that is not TLS. */
    private static boolean deniesInsecureTransport(Synthesized s, String policyType, String targetProperty, String id) {
        return s.resources(policyType).values().stream()
                .filter(p -> {
                    JsonNode targets = p.path("Properties").path(targetProperty);
                    for (JsonNode t : targets.isArray() ? targets : List.of(targets)) {
                        if (id.equals(Synthesized.target(t))) {
                            return true;
                        }
                    }
                    return false;
                })
                .flatMap(p -> stream(p.path("Properties").path("PolicyDocument").path("Statement")))
                .anyMatch(st -> st.path("Effect").asText().equals("Deny")
                        && st.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false")
                        && st.path("Principal").toString().contains("*"));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
