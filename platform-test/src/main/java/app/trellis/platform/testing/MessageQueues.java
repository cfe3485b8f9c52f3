package app.trellis.platform.testing;

import app.trellis.platform.event.Topology;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ (a real SQS implementation) embedded in this JVM on 127.0.0.1, with every queue and
 * dead-letter queue of {@link Topology}. Tests can {@link #stop()} and {@link #restart()} it to
 * simulate an SQS outage.
 */
public final class MessageQueues {

    public static final String ACCESS_KEY = "trellis";
    public static final String SECRET_KEY = "trellis";
    private static MessageQueues shared;

    private final int port;
    private SQSRestServer server;

    private MessageQueues(int port) {
        this.port = port;
    }

    public static synchronized MessageQueues shared() {
        if (shared == null) {
            shared = new MessageQueues(Ports.free());
            shared.restart();
        }
        return shared;
    }

    /** Starts an ElasticMQ on a fixed port: used by the local stack. */
    public static MessageQueues startOn(int port) {
        MessageQueues queues = new MessageQueues(port);
        queues.restart();
        return queues;
    }

    public synchronized void restart() {
        if (server != null) {
            return;
        }
        server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1")
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .start();
        server.waitUntilStarted();
        createTopology(Topology.load());
    }

    public synchronized void stop() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public SqsClient client() {
        return SqsClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Takes every message now on the queue (until it stays empty for a second); returns their bodies. */
    public List<String> drain(String queue) {
        List<String> bodies = new ArrayList<>();
        try (SqsClient sqs = client()) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            while (true) {
                var messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                if (messages.isEmpty()) {
                    return bodies;
                }
                for (var m : messages) {
                    bodies.add(m.body());
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
        }
    }

    /** Sends a raw message body, as a producer (or a broken producer) would. */
    public void send(String queue, String body) {
        try (SqsClient sqs = client()) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        }
    }

    private void createTopology(Topology topology) {
        try (SqsClient sqs = client()) {
            for (Topology.Queue queue : topology.queues()) {
                String dlqUrl = sqs.createQueue(b -> b.queueName(queue.deadLetterQueue())).queueUrl();
                String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
                String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                        + topology.maxReceiveCount() + "\"}";
                sqs.createQueue(b -> b.queueName(queue.name()).attributes(Map.of(
                        QueueAttributeName.REDRIVE_POLICY, redrive,
                        QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                        QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "0")));
            }
        }
    }
}
