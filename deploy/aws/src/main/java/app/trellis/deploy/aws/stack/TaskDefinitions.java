package app.trellis.deploy.aws.stack;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * Fargate task definitions as every Trellis task has them: a task role and an execution role of its own (so one
 * task's secrets are never readable by another's), a read-only root filesystem with a scratch {@code /tmp}, logs
 * to its group. The caller adds what differs (environment, secrets, ports, health check, command).
 */
final class TaskDefinitions {

    private static final String SCRATCH = "tmp";

    private TaskDefinitions() {
    }

    /** A role ECS tasks of this account may assume. */
    static Role taskRole(Construct scope, String id, String name, String description) {
        return Role.Builder.create(scope, id).roleName(name).description(description)
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com").withConditions(
                        Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                .build();
    }

    static FargateTaskDefinition create(Construct scope, String family, int cpu, int memoryMiB, Role taskRole) {
        Role executionRole = taskRole(scope, "ExecutionRole", family + "-exec",
                family + ": pulls the image, writes logs, reads this task's secrets");
        return FargateTaskDefinition.Builder.create(scope, "TaskDefinition").family(family)
                .cpu(cpu).memoryLimitMiB(memoryMiB)
                .taskRole(taskRole).executionRole(executionRole)
                .volumes(List.of(Volume.builder().name(SCRATCH).build()))
                .build();
    }

    /** The container of a task, from {@code repository} at {@code tag}; {@code options} holds what differs. */
    static ContainerDefinition container(FargateTaskDefinition task, String name, IRepository repository, String tag,
                                         ILogGroup logs, Map<String, String> environment, Map<String, Secret> secrets,
                                         ContainerDefinitionOptions.Builder options) {
        ContainerDefinition container = task.addContainer(name, options
                .containerName(name)
                .image(ContainerImage.fromEcrRepository(repository, tag))
                .environment(environment).secrets(secrets)
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(name).build()))
                .readonlyRootFilesystem(true)
                .essential(true)
                .build());
        container.addMountPoints(MountPoint.builder().sourceVolume(SCRATCH).containerPath("/tmp").readOnly(false).build());
        return container;
    }
}
