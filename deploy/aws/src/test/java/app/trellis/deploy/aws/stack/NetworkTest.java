package app.trellis.deploy.aws.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.deploy.aws.model.ServiceCatalog;
import app.trellis.deploy.aws.model.TrellisService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each environment's own VPC; only the load balancer is open to the internet, and only on 443. */
class NetworkTest {

    private static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");


    /** One rule of a security group, wherever the template writes it (inline or as its own resource). */
    record Rule(String group, boolean ingress, String cidr, String protocol, int fromPort, int toPort) {
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void nothingButTheLoadBalancerOn443IsReachableFromTheInternet(String env) {
        Synthesized s = Synthesized.of(env);
        String albGroup = s.resources("AWS::EC2::SecurityGroup").entrySet().stream()
                .filter(e -> e.getValue().path("Properties").path("GroupName").asText().equals(env + "-trellis-alb"))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        List<Rule> open = rules(s).stream().filter(r -> r.ingress() && ANYWHERE.contains(r.cidr())).toList();
        assertEquals(List.of(new Rule(albGroup, true, "0.0.0.0/0", "tcp", 443, 443)), open);
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void nothingTalksToTheInternetButOverHttps(String env) {
        for (Rule rule : rules(Synthesized.of(env))) {
            if (!rule.ingress() && ANYWHERE.contains(rule.cidr())) {
                assertEquals("tcp", rule.protocol(), rule.toString());
                assertEquals(443, rule.fromPort(), rule.toString());
                assertEquals(443, rule.toPort(), rule.toString());
            }
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void theVpcSpansTheSettingsZonesWithEndpointsForEveryAwsServiceTheTasksCall(String env) {
        Synthesized s = Synthesized.of(env);
        s.template().resourceCountIs("AWS::EC2::VPC", 1);
        Set<String> zones = new TreeSet<>();
        s.resources("AWS::EC2::Subnet").values().forEach(subnet -> zones.add(subnet.path("Properties").path("AvailabilityZone").asText()));
        assertEquals(new TreeSet<>(s.settings.availabilityZones()), zones);
        assertTrue(zones.size() >= 2 && zones.size() <= 3);
        Set<String> endpoints = new TreeSet<>();
        s.resources("AWS::EC2::VPCEndpoint").values().forEach(e -> {
            String name = e.path("Properties").path("ServiceName").toString();
            endpoints.add(name.replaceAll(".*\\.(s3|sqs|ecr\\.api|ecr\\.dkr|logs|kms|secretsmanager)\".*", "$1"));
        });
        assertEquals(new TreeSet<>(Set.of("s3", "sqs", "ecr.api", "ecr.dkr", "logs", "kms", "secretsmanager")), endpoints);
        s.resources("AWS::EC2::Subnet").values().forEach(subnet -> {
            boolean isPublic = subnet.path("Properties").path("MapPublicIpOnLaunch").asBoolean(false);
            String name = subnet.path("Properties").path("Tags").toString();
            assertEquals(name.contains("public"), isPublic, name);
        });
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void theDatabaseAdmitsOnlyServicesWithASchemaTheirMigrationsTheBootstrapAndRotationAndTheGatewayOnlyReachesBackends(
            String env) {
        Synthesized s = Synthesized.of(env);
        Map<String, String> groupNames = new TreeMap<>();
        s.resources("AWS::EC2::SecurityGroup").forEach((id, g) -> groupNames.put(id, g.path("Properties").path("GroupName").asText()));
        Map<String, Set<String>> admitted = new TreeMap<>();
        s.resources("AWS::EC2::SecurityGroupIngress").values().forEach(r -> admitted
                .computeIfAbsent(groupNames.get(Synthesized.target(r.path("Properties").path("GroupId"))), k -> new TreeSet<>())
                .add(groupNames.get(Synthesized.target(r.path("Properties").path("SourceSecurityGroupId")))));
        Set<String> database = new TreeSet<>(Set.of(env + "-trellis-secret-rotation", env + "-trellis-db-bootstrap"));
        ServiceCatalog.SERVICES.stream().filter(TrellisService::ownsSchema).forEach(service -> {
            database.add(env + "-trellis-" + service.name());
            database.add(env + "-trellis-" + service.name() + "-migrate");
        });
        assertEquals(database, admitted.get(env + "-trellis-db"));
        for (TrellisService backend : ServiceCatalog.backends()) {
            assertEquals(Set.of(env + "-trellis-gateway"), admitted.get(env + "-trellis-" + backend.name()), backend.name());
        }
        assertEquals(Set.of(env + "-trellis-alb"), admitted.get(env + "-trellis-gateway"));
    }

    private static List<Rule> rules(Synthesized s) {
        List<Rule> rules = new ArrayList<>();
        s.resources("AWS::EC2::SecurityGroup").forEach((id, group) -> {
            group.path("Properties").path("SecurityGroupIngress").forEach(r -> rules.add(rule(id, true, r)));
            group.path("Properties").path("SecurityGroupEgress").forEach(r -> rules.add(rule(id, false, r)));
        });
        s.resources("AWS::EC2::SecurityGroupIngress").values().forEach(r -> rules.add(
                rule(Synthesized.target(r.path("Properties").path("GroupId")), true, r.path("Properties"))));
        s.resources("AWS::EC2::SecurityGroupEgress").values().forEach(r -> rules.add(
                rule(Synthesized.target(r.path("Properties").path("GroupId")), false, r.path("Properties"))));
        return rules;
    }

    private static Rule rule(String group, boolean ingress, JsonNode r) {
        String cidr = r.has("CidrIp") ? r.path("CidrIp").toString().replace("\"", "")
                : r.has("CidrIpv6") ? r.path("CidrIpv6").asText() : "group";
        return new Rule(group, ingress, cidr, r.path("IpProtocol").asText(), r.path("FromPort").asInt(-1),
                r.path("ToPort").asInt(-1));
    }
}
