package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.TrellisService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The one-off task that makes each service's schema and its two users (image {@code db-bootstrap}, from
 * deploy/aws/docker/db-bootstrap), as the administrator: what LocalInfra does locally. It runs at the first
 * deployment and whenever a service is added; it is idempotent and sets each user's password from its secret.
 * The runtime user gets SELECT on its schema; the migrator owns it; the migration task grants the rest.
 */
final class DatabaseBootstrap extends Construct {

    static final String IMAGE = "db-bootstrap";

    DatabaseBootstrap(Construct scope, String id, Foundation f) {
        super(scope, id);
        Naming naming = f.naming();
        String family = naming.name(IMAGE);
        Repository repository = ImageRepository.create(this, naming, IMAGE);
        LogGroup logs = Logs.group(this, "Logs", naming, naming.logGroup(IMAGE), f.keys());
        Role role = TaskDefinitions.taskRole(this, "TaskRole", family, "database bootstrap: no AWS permissions");
        FargateTaskDefinition task = TaskDefinitions.create(this, family, 256, 512, role);

        var database = f.database();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put("TRELLIS_DB_ADMIN_USER", Secret.fromSecretsManager(database.cluster.getSecret(), "username"));
        secrets.put("TRELLIS_DB_ADMIN_PASSWORD", Secret.fromSecretsManager(database.cluster.getSecret(), "password"));
        database.users.forEach((service, users) -> {
            String key = variable(service);
            secrets.put(key + "_USER", Secret.fromSecretsManager(users.runtime, "username"));
            secrets.put(key + "_PASSWORD", Secret.fromSecretsManager(users.runtime, "password"));
            secrets.put(key + "_MIGRATOR_USER", Secret.fromSecretsManager(users.migrator, "username"));
            secrets.put(key + "_MIGRATOR_PASSWORD", Secret.fromSecretsManager(users.migrator, "password"));
        });
        TaskDefinitions.container(task, IMAGE, repository, f.parameters().migrationImageTag.getValueAsString(), logs,
                Map.of("TRELLIS_DB_HOST", database.cluster.getClusterEndpoint().getHostname(),
                        // <variable prefix>=<schema> per service, read by bootstrap.sh
                        "TRELLIS_SCHEMAS", database.users.keySet().stream()
                                .map(s -> variable(s) + "=" + s.schema()).collect(Collectors.joining(" "))),
                secrets, ContainerDefinitionOptions.builder());

        SecurityGroup group = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(f.network().vpc)
                .securityGroupName(family).description(family + " task").allowAllOutbound(false).build();
        group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS: image, logs and secrets through the endpoints");
        group.getConnections().allowTo(database.cluster, Port.tcp(Database.PORT), family);
        Outputs.add(this, "DatabaseBootstrapTaskDefinition", task.getTaskDefinitionArn(),
                "aws ecs run-task --task-definition of the database bootstrap");
        Outputs.add(this, "DatabaseBootstrapSecurityGroup", group.getSecurityGroupId(),
                "security group of the database bootstrap task");
    }

    /** {@code CASE_SERVICE} for case-service. */
    static String variable(TrellisService service) {
        return service.runtimeUser().toUpperCase();
    }
}
