package app.trellis.deploy.aws.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.deploy.aws.model.ServiceCatalog;
import app.trellis.deploy.aws.model.TrellisService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;

/** Every module runs as a Fargate service that deploys safely, checks its health and scales on its own signal. */
class EcsServicesTest {


    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void everyServiceRollsWithTheCircuitBreakerAndRollsBack(String env) {
        Synthesized s = Synthesized.of(env);
        assertEquals(ServiceCatalog.SERVICES.size(), s.resources("AWS::ECS::Service").size());
        s.template().allResourcesProperties("AWS::ECS::Service", Map.of(
                "LaunchType", "FARGATE",
                "DeploymentConfiguration", Map.of("MinimumHealthyPercent", 100, "MaximumPercent", 200,
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true)),
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Map.of("AssignPublicIp", "DISABLED")),
                "EnableExecuteCommand", false,
                "ServiceConnectConfiguration", Match.objectLike(Map.of("Enabled", true))));
        for (TrellisService service : ServiceCatalog.SERVICES) {
            JsonNode props = service(s, service).path("Properties");
            assertEquals("TasksPerService", props.path("DesiredCount").path("Ref").asText());
            assertEquals(!service.name().equals(ServiceCatalog.GATEWAY),
                    props.path("ServiceConnectConfiguration").path("Services").size() == 1, service.name());
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void everyContainerChecksReadinessStopsGracefullyAndLogsToItsGroup(String env) {
        Synthesized s = Synthesized.of(env);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            JsonNode container = container(s, s.settings.prefix() + "-" + service.name());
            String check = container.path("HealthCheck").path("Command").toString();
            assertTrue(check.contains(":" + service.port() + ServiceDeployment.READINESS_PATH), service.name() + " " + check);
            assertEquals(ServiceDeployment.STOP_TIMEOUT.toSeconds().intValue(), container.path("StopTimeout").asInt());
            assertTrue(container.path("ReadonlyRootFilesystem").asBoolean());
            assertEquals("awslogs", container.path("LogConfiguration").path("LogDriver").asText());
            assertEquals(service.port(), container.path("PortMappings").get(0).path("ContainerPort").asInt());
            assertEquals("ReleaseImageTag", imageTagParameter(container));
        }
        s.template().hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "HealthCheckPath", ServiceDeployment.READINESS_PATH, "Port", 8080, "TargetType", "ip"));
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void everyServiceScalesOnItsOwnSignal(String env) {
        Synthesized s = Synthesized.of(env);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            String serviceId = logicalId(s, "AWS::ECS::Service", service(s, service));
            Map.Entry<String, JsonNode> target = s.resources("AWS::ApplicationAutoScaling::ScalableTarget").entrySet()
                    .stream().filter(e -> e.getValue().path("Properties").path("ResourceId").toString().contains(serviceId))
                    .findFirst().orElseThrow(() -> new AssertionError(service.name() + " does not scale"));
            assertEquals(s.settings.tasks().maxTasks(), target.getValue().path("Properties").path("MaxCapacity").asInt());
            assertEquals("TasksPerService", target.getValue().path("Properties").path("MinCapacity").path("Ref").asText());
            List<JsonNode> policies = s.resources("AWS::ApplicationAutoScaling::ScalingPolicy").values().stream()
                    .filter(p -> target.getKey().equals(Synthesized.target(p.path("Properties").path("ScalingTargetId"))))
                    .toList();
            assertFalse(policies.isEmpty(), service.name() + " has no scaling policy");
            String signal = policies.toString();
            switch (service.scaling()) {
                case ALB_REQUESTS -> assertTrue(signal.contains("ALBRequestCountPerTarget"), service.name());
                case CPU -> assertTrue(signal.contains("ECSServiceAverageCPUUtilization"), service.name());
                case QUEUE_DEPTH -> assertTrue(queueDepthAlarmsOf(s, service), service.name() + " does not follow its queue");
                default -> throw new AssertionError(service.scaling());
            }
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void onlyTheLoadBalancerIsPublicAndItSpeaksHttpsOnly(String env) {
        Synthesized s = Synthesized.of(env);
        s.template().resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        s.template().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Protocol", "HTTPS", "Port", 443,
                "Certificates", List.of(Map.of("CertificateArn", Map.of("Ref", "CertificateArn")))));
        s.template().allResourcesProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("Scheme", "internet-facing"));
        s.template().resourceCountIs("AWS::WAFv2::WebACLAssociation", s.settings.waf() ? 1 : 0);
        if (s.settings.waf()) {
            s.template().hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Scope", "REGIONAL", "Rules",
                    Match.arrayWith(List.of(Match.objectLike(Map.of("Statement", Map.of("ManagedRuleGroupStatement",
                            Map.of("VendorName", "AWS", "Name", "AWSManagedRulesCommonRuleSet"))))))));
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void theIdentityProviderIsAParameter(String env) {
        Synthesized s = Synthesized.of(env);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            Map<String, String> environment = environment(taskDefinition(s, s.settings.prefix() + "-" + service.name()));
            assertEquals("{\"Ref\":\"OidcIssuerUrl\"}", environment.get("TRELLIS_OIDC_URL"), service.name());
            assertEquals("{\"Ref\":\"OidcAudiences\"}", environment.get("QUARKUS_OIDC_TOKEN_AUDIENCE"), service.name());
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void forwardedHeadersAreBelievedOnlyFromInsideTheVpc(String env) {
        Synthesized s = Synthesized.of(env);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            String proxies = environment(taskDefinition(s, s.settings.prefix() + "-" + service.name()))
                    .get("TRELLIS_TRUSTED_PROXIES");
            assertNotNull(proxies, service.name());
            assertTrue(proxies.contains("CidrBlock") && proxies.contains("Fn::GetAtt"), service.name() + ": " + proxies);
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void onlyReportingHoldsTheFeedPseudonymKey(String env) {
        Synthesized s = Synthesized.of(env);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            Map<String, String> secrets = MigrationTasksTest.secrets(s,
                    taskDefinition(s, s.settings.prefix() + "-" + service.name()));
            if (service.name().equals("reporting-service")) {
                assertEquals(env + "/trellis/reporting-service/feed-pseudonym-key", secrets.get("TRELLIS_FEED_PSEUDONYM_KEY"));
            } else {
                assertFalse(secrets.containsKey("TRELLIS_FEED_PSEUDONYM_KEY"), service.name());
            }
        }
    }

    static JsonNode service(Synthesized s, TrellisService service) {
        return s.resources("AWS::ECS::Service").values().stream()
                .filter(v -> v.path("Properties").path("ServiceName").asText().equals(s.settings.prefix() + "-" + service.name()))
                .findFirst().orElseThrow(() -> new AssertionError("no ECS service " + service.name()));
    }

    static JsonNode taskDefinition(Synthesized s, String family) {
        return s.resources("AWS::ECS::TaskDefinition").values().stream()
                .filter(td -> td.path("Properties").path("Family").asText().equals(family))
                .findFirst().orElseThrow(() -> new AssertionError("no task definition " + family));
    }

    static JsonNode container(Synthesized s, String family) {
        JsonNode containers = taskDefinition(s, family).path("Properties").path("ContainerDefinitions");
        assertEquals(1, containers.size(), family);
        return containers.get(0);
    }

    /** Environment variables of a task definition's containers; values that are not plain text as JSON. */
    static Map<String, String> environment(JsonNode taskDefinition) {
        Map<String, String> env = new LinkedHashMap<>();
        taskDefinition.path("Properties").path("ContainerDefinitions").forEach(c -> c.path("Environment").forEach(
                e -> env.put(e.path("Name").asText(), e.path("Value").isTextual() ? e.path("Value").asText()
                        : e.path("Value").toString())));
        return env;
    }

    private static String imageTagParameter(JsonNode container) {
        String image = container.path("Image").toString();
        for (String parameter : List.of("ReleaseImageTag", "MigrationImageTag")) {
            if (image.contains("\"Ref\":\"" + parameter + "\"")) {
                return parameter;
            }
        }
        return image;
    }

    private static String logicalId(Synthesized s, String type, JsonNode resource) {
        return s.resources(type).entrySet().stream().filter(e -> e.getValue() == resource).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** A step-scaling alarm on the service's own queue (the queue name in the metric's dimension). */
    private static boolean queueDepthAlarmsOf(Synthesized s, TrellisService service) {
        Map<String, String> queues = TaskRolesTest.queueNamesByLogicalId(s);
        String own = s.settings.name() + "-trellis-" + service.stem() + "-events";
        return s.resources("AWS::CloudWatch::Alarm").values().stream().map(a -> a.path("Properties"))
                .filter(p -> p.path("MetricName").asText().equals("ApproximateNumberOfMessagesVisible"))
                .filter(p -> p.path("AlarmActions").toString().contains("ScalingPolicy")
                        || p.path("AlarmActions").toString().contains("Backlog"))
                .map(p -> queues.get(Synthesized.target(p.path("Dimensions").get(0).path("Value"))))
                .anyMatch(name -> {
                    assertNotNull(name);
                    return name.equals(own);
                });
    }
}
