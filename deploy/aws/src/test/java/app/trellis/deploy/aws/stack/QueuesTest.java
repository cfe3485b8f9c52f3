package app.trellis.deploy.aws.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.deploy.aws.model.QueuePlan;
import app.trellis.platform.event.Topology;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The AWS queues are the routing file's, each with its dead-letter queue and alarms. */
class QueuesTest {

    /** Read here straight from the file the services read, not through the code under test. */
    private static final Topology ROUTING_FILE = Topology.load();


    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void theQueuesAreExactlyTheRoutingFilesBehindTheEnvironmentPrefix(String env) {
        Set<String> expected = new TreeSet<>();
        ROUTING_FILE.queues().forEach(q -> {
            expected.add(env + "-" + q.name());
            expected.add(env + "-" + q.name() + Topology.DLQ_SUFFIX);
        });
        Set<String> synthesized = new TreeSet<>(TaskRolesTest.queueNamesByLogicalId(Synthesized.of(env)).values());
        assertEquals(expected, synthesized);
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void everyQueueRedrivesToItsOwnDeadLetterQueueAfterTheFilesReceiveCount(String env) {
        Synthesized s = Synthesized.of(env);
        Map<String, String> names = TaskRolesTest.queueNamesByLogicalId(s);
        Map<String, String> idsByName = names.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        for (Topology.Queue queue : ROUTING_FILE.queues()) {
            JsonNode redrive = s.resource(idsByName.get(env + "-" + queue.name())).path("Properties").path("RedrivePolicy");
            assertEquals(ROUTING_FILE.maxReceiveCount(), redrive.path("maxReceiveCount").asInt(), queue.name());
            assertEquals(env + "-" + queue.deadLetterQueue(), names.get(Synthesized.target(redrive.path("deadLetterTargetArn"))));
            JsonNode dlq = s.resource(idsByName.get(env + "-" + queue.deadLetterQueue())).path("Properties");
            assertTrue(dlq.path("RedrivePolicy").isMissingNode(), "a dead-letter queue has no dead-letter queue");
            assertEquals(Messaging.DEAD_LETTER_RETENTION.toSeconds().intValue(), dlq.path("MessageRetentionPeriod").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void deadLettersAndSlowConsumersRaiseAlarmsOnTheTopic(String env) {
        Synthesized s = Synthesized.of(env);
        Map<String, String> names = TaskRolesTest.queueNamesByLogicalId(s);
        Map<String, Set<String>> metricsByQueue = new java.util.HashMap<>();
        s.resources("AWS::CloudWatch::Alarm").values().forEach(alarm -> {
            JsonNode p = alarm.path("Properties");
            if (!p.path("Namespace").asText().equals("AWS/SQS") || !p.path("AlarmActions").toString().contains("Alarms")) {
                return;
            }
            String queue = names.get(Synthesized.target(p.path("Dimensions").get(0).path("Value")));
            metricsByQueue.computeIfAbsent(queue, q -> new TreeSet<>()).add(p.path("MetricName").asText()
                    + ">=" + p.path("Threshold").asText());
        });
        for (Topology.Queue queue : ROUTING_FILE.queues()) {
            assertTrue(metricsByQueue.get(env + "-" + queue.deadLetterQueue()).contains("ApproximateNumberOfMessagesVisible>=1"),
                    "no depth alarm on " + queue.deadLetterQueue());
            assertTrue(metricsByQueue.get(env + "-" + queue.name()).contains("ApproximateAgeOfOldestMessage>="
                    + Synthesized.of(env).settings.queueOldestMessageAlarmSeconds()), "no age alarm on " + queue.name());
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void servicesAreToldTheQueuePrefixTheQueuesCarry(String env) {
        Synthesized s = Synthesized.of(env);
        long prefixed = s.resources("AWS::ECS::TaskDefinition").values().stream()
                .flatMap(td -> EcsServicesTest.environment(td).entrySet().stream())
                .filter(e -> e.getKey().equals("TRELLIS_MESSAGING_QUEUE_PREFIX"))
                .peek(e -> assertEquals(env + "-", e.getValue()))
                .count();
        assertEquals(QueuePlan.fromRoutingFile().queues().stream().filter(q -> !QueuePlan.fromRoutingFile().isExternal(q))
                .count(), prefixed, "every consuming service gets the prefix");
    }
}
