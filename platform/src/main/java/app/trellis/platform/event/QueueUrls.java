package app.trellis.platform.event;

import app.trellis.platform.config.MessagingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queue name (unprefixed, as in the topology) to URL, looked up once per name. */
@ApplicationScoped
public class QueueUrls {

    @Inject
    SqsClient sqs;
    @Inject
    MessagingConfig messaging;

    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public String url(String queue) {
        return urls.computeIfAbsent(queue, q -> sqs.getQueueUrl(b -> b.queueName(messaging.qualified(q))).queueUrl());
    }

    public String ownQueue() {
        return url(messaging.consumerQueue());
    }

    public String ownDeadLetterQueue() {
        return url(messaging.consumerQueue() + Topology.DLQ_SUFFIX);
    }
}
