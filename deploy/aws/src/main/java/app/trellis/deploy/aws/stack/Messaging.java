package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.QueuePlan;
import app.trellis.platform.event.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Every queue of the routing file, named as the local stack names it behind the environment, each with its
 * dead-letter queue (redrive after the file's receive count): encrypted with the messaging key, TLS only.
 * Alarms (to the alarm topic): a dead letter arrived; a queue's oldest message waits too long; a dead letter
 * is close to expiring unseen.
 */
public final class Messaging extends Construct {

    static final Duration DEAD_LETTER_RETENTION = Duration.days(14);
    /** A dead letter this old has four days left before SQS drops it. */
    static final Duration DEAD_LETTER_EXPIRY_WARNING = Duration.days(10);

    final Topic alarms;
    final Map<String, Queue> queues = new LinkedHashMap<>();
    final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();

    Messaging(Construct scope, String id, Naming naming, Keys keys, QueuePlan plan) {
        super(scope, id);
        alarms = Topic.Builder.create(this, "Alarms").topicName(naming.name("alarms"))
                .masterKey(keys.messaging).enforceSsl(true).build();
        for (Topology.Queue routed : plan.queues()) {
            Queue dlq = Queue.Builder.create(this, routed.deadLetterQueue())
                    .queueName(naming.queue(routed.deadLetterQueue()))
                    .encryption(QueueEncryption.KMS).encryptionMasterKey(keys.messaging)
                    .dataKeyReuse(Duration.minutes(5))
                    .enforceSsl(true)
                    .retentionPeriod(DEAD_LETTER_RETENTION)
                    .build();
            Queue queue = Queue.Builder.create(this, routed.name())
                    .queueName(naming.queue(routed.name()))
                    .encryption(QueueEncryption.KMS).encryptionMasterKey(keys.messaging)
                    .dataKeyReuse(Duration.minutes(5))
                    .enforceSsl(true)
                    .retentionPeriod(Duration.days(4))
                    .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(plan.maxReceiveCount()).build())
                    .build();
            queues.put(routed.name(), queue);
            deadLetterQueues.put(routed.name(), dlq);
            alarm(routed.deadLetterQueue() + "-depth", naming,
                    dlq.metricApproximateNumberOfMessagesVisible(max()), 1,
                    "a message was dead-lettered on " + naming.queue(routed.name()) + ": see GET /ops/dead-letters");
            alarm(routed.deadLetterQueue() + "-expiring", naming,
                    dlq.metricApproximateAgeOfOldestMessage(max()), DEAD_LETTER_EXPIRY_WARNING.toSeconds(),
                    "a dead letter on " + naming.queue(routed.deadLetterQueue()) + " expires within days: redrive or record it");
            alarm(routed.name() + "-oldest-message", naming,
                    queue.metricApproximateAgeOfOldestMessage(max()), naming.env().queueOldestMessageAlarmSeconds(),
                    "the consumer of " + naming.queue(routed.name()) + " is falling behind");
        }
    }

    private static MetricOptions max() {
        return MetricOptions.builder().statistic("Maximum").period(Duration.minutes(5)).build();
    }

    private void alarm(String name, Naming naming, IMetric metric, Number threshold, String description) {
        Alarm alarm = Alarm.Builder.create(this, "Alarm-" + name)
                .alarmName(naming.queuePrefix() + name)
                .alarmDescription(description)
                .metric(metric).threshold(threshold).evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(alarms));
    }
}
