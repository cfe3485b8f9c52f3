package app.trellis.deploy.aws.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.deploy.aws.model.ServiceCatalog;
import app.trellis.deploy.aws.model.TrellisService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The migrator's secret reaches the one-off migration task and the bootstrap, never a service. */
class MigrationTasksTest {


    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void noServiceTaskDefinitionHoldsTheMigratorsSecret(String env) {
        Synthesized s = Synthesized.of(env);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            JsonNode task = EcsServicesTest.taskDefinition(s, s.settings.prefix() + "-" + service.name());
            Map<String, String> secrets = secrets(s, task);
            assertTrue(secrets.keySet().stream().noneMatch(name -> name.startsWith("TRELLIS_DB_MIGRATION")), secrets.toString());
            assertTrue(EcsServicesTest.environment(task).keySet().stream().noneMatch(n -> n.contains("MIGRATION")));
            assertTrue(secrets.values().stream().noneMatch(secret -> secret.endsWith("/db-migrator")),
                    service.name() + " reads a migrator secret: " + secrets);
            if (service.ownsSchema()) {
                assertEquals(env + "/trellis/" + service.name() + "/db-runtime", secrets.get("TRELLIS_DB_PASSWORD"));
            }
            JsonNode container = task.path("Properties").path("ContainerDefinitions").get(0);
            assertTrue(container.path("Command").isMissingNode(), "a service runs the image's default command");
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void eachSchemaHasAOneOffMigrationTaskThatRunsMigrateWithTheMigratorsSecret(String env) {
        Synthesized s = Synthesized.of(env);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            String family = s.settings.prefix() + "-" + service.name() + "-migrate";
            boolean exists = s.resources("AWS::ECS::TaskDefinition").values().stream()
                    .anyMatch(td -> td.path("Properties").path("Family").asText().equals(family));
            assertEquals(service.ownsSchema(), exists, family);
            if (!exists) {
                continue;
            }
            JsonNode task = EcsServicesTest.taskDefinition(s, family);
            JsonNode container = task.path("Properties").path("ContainerDefinitions").get(0);
            assertEquals(List.of("migrate"), Policies.strings(container.path("Command")));
            assertTrue(container.path("Image").toString().contains("\"Ref\":\"MigrationImageTag\""));
            Map<String, String> secrets = secrets(s, task);
            assertEquals(env + "/trellis/" + service.name() + "/db-migrator", secrets.get("TRELLIS_DB_MIGRATION_PASSWORD"));
            assertEquals(env + "/trellis/" + service.name() + "/db-migrator", secrets.get("TRELLIS_DB_MIGRATION_USER"));
            assertEquals(env + "/trellis/" + service.name() + "/db-runtime", secrets.get("TRELLIS_DB_PASSWORD"));
            // Its task role may do nothing in AWS.
            String role = Synthesized.target(task.path("Properties").path("TaskRoleArn"));
            assertTrue(Policies.statements(s, role).isEmpty(), family + "'s task role has permissions");
            assertFalse(s.resources("AWS::ECS::Service").toString().contains(family), "a migration is not a service");
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void everyDatabaseSecretRotates(String env) {
        Synthesized s = Synthesized.of(env);
        Set<String> rotated = new TreeSet<>();
        s.resources("AWS::SecretsManager::RotationSchedule").values().forEach(schedule ->
                rotated.add(TaskRolesTest.secretName(s, Synthesized.target(schedule.path("Properties").path("SecretId")))));
        Set<String> expected = new TreeSet<>(Set.of(env + "/trellis/database/admin"));
        ServiceCatalog.SERVICES.stream().filter(TrellisService::ownsSchema).forEach(service -> {
            expected.add(env + "/trellis/" + service.name() + "/db-runtime");
            expected.add(env + "/trellis/" + service.name() + "/db-migrator");
        });
        assertEquals(expected, rotated);
    }

    /** Container secret name to the secret's name in Secrets Manager. */
    static Map<String, String> secrets(Synthesized s, JsonNode taskDefinition) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        taskDefinition.path("Properties").path("ContainerDefinitions").forEach(c -> c.path("Secrets").forEach(secret -> {
            JsonNode from = secret.path("ValueFrom");
            String logicalId = Synthesized.target(from);
            if (logicalId == null) {
                // "<secret arn>:<json key>::" is written with Fn::Join around a Ref
                logicalId = Synthesized.target(from.path("Fn::Join").get(1).get(0));
            }
            out.put(secret.path("Name").asText(), TaskRolesTest.secretName(s, logicalId));
        }));
        return out;
    }
}
