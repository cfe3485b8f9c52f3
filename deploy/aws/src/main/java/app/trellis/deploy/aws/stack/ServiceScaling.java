package app.trellis.deploy.aws.stack;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;

/**
 * Each service scales on its own signal, between the task count the operator sets ({@code TasksPerService})
 * and the environment's maximum: the gateway on requests per task at the load balancer, the APIs on CPU, the
 * event consumer on the messages waiting in its queue.
 */
final class ServiceScaling {

    private ServiceScaling() {
    }

    static void apply(ServiceDeployment deployment, Foundation f) {
        var tasks = f.naming().env().tasks();
        ScalableTaskCount count = deployment.ecsService.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(f.parameters().tasksPerService.getValueAsNumber())
                .maxCapacity(tasks.maxTasks()).build());
        switch (deployment.service.scaling()) {
            case ALB_REQUESTS -> count.scaleOnRequestCount("Requests", RequestCountScalingProps.builder()
                    .targetGroup(f.edge().gatewayTargets).requestsPerTarget(tasks.requestsPerTarget())
                    .scaleInCooldown(Duration.minutes(5)).scaleOutCooldown(Duration.minutes(1)).build());
            case CPU -> count.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                    .targetUtilizationPercent(tasks.cpuTargetPercent())
                    .scaleInCooldown(Duration.minutes(5)).scaleOutCooldown(Duration.minutes(1)).build());
            case QUEUE_DEPTH -> {
                var queue = f.messaging().queues.get(f.plan().consumedBy(deployment.service).orElseThrow(
                        () -> new IllegalStateException(deployment.service.name() + " scales on a queue it does not consume"))
                        .name());
                int backlog = tasks.queueBacklogPerTask();
                count.scaleOnMetric("Backlog", BasicStepScalingPolicyProps.builder()
                        .metric(queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                                .statistic("Maximum").period(Duration.minutes(1)).build()))
                        .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .scalingSteps(List.of(
                                ScalingInterval.builder().upper(backlog / 10).change(-1).build(),
                                ScalingInterval.builder().lower(backlog).change(1).build(),
                                ScalingInterval.builder().lower(backlog * 5).change(3).build()))
                        .cooldown(Duration.minutes(2)).build());
            }
            default -> throw new IllegalStateException("no scaling for " + deployment.service.scaling());
        }
    }
}
