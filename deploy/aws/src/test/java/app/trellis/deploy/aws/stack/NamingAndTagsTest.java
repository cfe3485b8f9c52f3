package app.trellis.deploy.aws.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.deploy.aws.model.ServiceCatalog;
import app.trellis.deploy.aws.model.TrellisService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Anyone reading a name or a tag can tell which environment, which service and what data it is. */
class NamingAndTagsTest {

    /** The name property of each named resource type; every one must start with the environment. */
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::SNS::Topic", "TopicName"), Map.entry("AWS::ECS::Service", "ServiceName"),
            Map.entry("AWS::ECS::TaskDefinition", "Family"), Map.entry("AWS::ECS::Cluster", "ClusterName"),
            Map.entry("AWS::IAM::Role", "RoleName"), Map.entry("AWS::SecretsManager::Secret", "Name"),
            Map.entry("AWS::RDS::DBCluster", "DBClusterIdentifier"), Map.entry("AWS::ECR::Repository", "RepositoryName"),
            Map.entry("AWS::KMS::Alias", "AliasName"), Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::S3::Bucket", "BucketName"), Map.entry("AWS::CloudWatch::Alarm", "AlarmName"),
            Map.entry("AWS::ElasticLoadBalancingV2::TargetGroup", "Name"),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", "Name"), Map.entry("AWS::WAFv2::WebACL", "Name"));

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void everyTaggedResourceCarriesEnvironmentServiceAndDataClassification(String env) {
        Synthesized s = Synthesized.of(env);
        Map<String, Map<String, String>> tagsById = tags(s);
        assertTrue(tagsById.size() > 50, "only " + tagsById.size() + " tagged resources");
        tagsById.forEach((id, values) -> {
            assertEquals(env, values.get(Naming.TAG_ENVIRONMENT), id);
            assertEquals(s.settings.dataClassification(), values.get(Naming.TAG_DATA_CLASSIFICATION), id);
            assertTrue(values.containsKey(Naming.TAG_SERVICE), id);
        });
        for (TrellisService service : ServiceCatalog.SERVICES) {
            JsonNode ecsService = EcsServicesTest.service(s, service);
            assertTrue(ecsService.path("Properties").path("Tags").toString()
                    .contains("{\"Key\":\"service\",\"Value\":\"" + service.name() + "\"}"), service.name());
        }
        assertTrue(s.resources("AWS::RDS::DBCluster").values().iterator().next().path("Properties").path("Tags").toString()
                .contains("{\"Key\":\"service\",\"Value\":\"" + Naming.SHARED + "\"}"));
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void everyNameStartsWithTheEnvironment(String env) {
        Synthesized s = Synthesized.of(env);
        AtomicInteger named = new AtomicInteger();
        s.forEachResource((id, resource) -> {
            String property = NAMES.get(resource.path("Type").asText());
            JsonNode name = property == null ? null : resource.path("Properties").path(property);
            if (name != null && !name.isMissingNode()) {
                String text = name.isTextual() ? name.asText() : name.path("Fn::Join").path(1).path(0).asText();
                String plain = text.replaceFirst("^(alias/|/aws/rds/cluster/|/)", ""); // RDS names its log groups itself
                assertTrue(plain.startsWith(env + "-") || plain.startsWith(env + "/"), id + " " + property + " = " + name);
                named.incrementAndGet();
            }
        });
        assertTrue(named.get() > 60, named + " named resources");
        assertTrue(s.json.path("Description").asText().startsWith("Trellis " + env + " "));
    }

    /** The tags of every resource that has some, by logical id: a list of Key/Value, or (SAM) a map. */
    private static Map<String, Map<String, String>> tags(Synthesized s) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        s.forEachResource((id, resource) -> {
            JsonNode tags = resource.path("Properties").path("Tags");
            if (tags.isArray()) {
                tags.forEach(tag -> byId.computeIfAbsent(id, k -> new HashMap<>())
                        .put(tag.path("Key").asText(), tag.path("Value").asText()));
            } else if (tags.isObject()) {
                tags.fields().forEachRemaining(tag -> byId.computeIfAbsent(id, k -> new HashMap<>())
                        .put(tag.getKey(), tag.getValue().asText()));
            }
        });
        return byId;
    }
}
