package app.trellis.reporting.event;

import app.trellis.platform.event.QueueUrls;
import app.trellis.platform.event.Topology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends feed entries to a subscriber's own queue, or its dead-letter queue ({@code <queue>-dlq}). Every call has
 * a short timeout of its own, so a queue that hangs holds one delivery thread for seconds, not the SQS client's
 * socket timeout.
 */
@ApplicationScoped
public class SubscriberQueues {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    SqsClient sqs;
    @Inject
    QueueUrls urls;

    /** One message to send: its body and its event type (a message attribute subscribers can filter on). */
    public record Message(String body, String type) {
    }

    /** Sends all of them in one batch; throws when the queue is missing or any entry was refused. */
    public void send(String queue, List<Message> messages) {
        String url = urls.url(queue);
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(m.body())
                    .messageAttributes(Map.of("type", MessageAttributeValue.builder().dataType("String")
                            .stringValue(m.type()).build())).build());
        }
        SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries)
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT)));
        if (!response.failed().isEmpty()) {
            throw new IllegalStateException(response.failed().size() + " of " + messages.size() + " messages refused");
        }
    }

    /** Sends to the subscriber's dead-letter queue; false (never an exception) when that is not possible either. */
    public boolean deadLetter(String queue, List<Message> messages) {
        try {
            send(queue + Topology.DLQ_SUFFIX, messages);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
