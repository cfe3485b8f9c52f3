package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.TrellisService;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * The service's schema migration as a one-off task, run before each rolling deploy: the same image in its
 * migrate mode ({@code command: ["migrate"]}), the migration image tag, and the only task definition that reads
 * the migrator's secret (it also reads the runtime user's, whose grants it sets). Its task role may do nothing:
 * a migration talks to the database alone.
 */
final class MigrationTask extends Construct {

    static final List<String> COMMAND = List.of("migrate");
    static final int CPU = 512;
    static final int MEMORY_MIB = 1024;

    MigrationTask(Construct scope, String id, TrellisService service, Foundation f, IRepository repository,
                  ILogGroup logs) {
        super(scope, id);
        Naming naming = f.naming();
        String family = naming.name(service.name() + "-migrate");
        Role role = TaskDefinitions.taskRole(this, "TaskRole", family,
                service.name() + " migration: no AWS permissions, the database only");
        FargateTaskDefinition task = TaskDefinitions.create(this, family, CPU, MEMORY_MIB, role);
        DatabaseUsers users = f.database().users.get(service);
        TaskDefinitions.container(task, "migrate", repository, f.parameters().migrationImageTag.getValueAsString(), logs,
                Map.of("TRELLIS_DB_URL", f.database().jdbcUrl(service)),
                Map.of("TRELLIS_DB_USER", Secret.fromSecretsManager(users.runtime, "username"),
                        "TRELLIS_DB_PASSWORD", Secret.fromSecretsManager(users.runtime, "password"),
                        "TRELLIS_DB_MIGRATION_USER", Secret.fromSecretsManager(users.migrator, "username"),
                        "TRELLIS_DB_MIGRATION_PASSWORD", Secret.fromSecretsManager(users.migrator, "password")),
                ContainerDefinitionOptions.builder().command(COMMAND));

        SecurityGroup group = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(f.network().vpc)
                .securityGroupName(family).description(family + " tasks").allowAllOutbound(false).build();
        group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS: image, logs and secrets through the endpoints");
        group.getConnections().allowTo(f.database().cluster, Port.tcp(Database.PORT), family);

        String output = Outputs.camel(service.name()) + "Migration";
        Outputs.add(this, output + "TaskDefinition", task.getTaskDefinitionArn(),
                "aws ecs run-task --task-definition of " + service.name() + "'s migration");
        Outputs.add(this, output + "SecurityGroup", group.getSecurityGroupId(),
                "security group of " + service.name() + "'s migration task");
    }
}
