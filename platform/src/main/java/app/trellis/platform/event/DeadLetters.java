package app.trellis.platform.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** This service's dead-letter queue: look at what is there (ids and types only), and send it back. */
@ApplicationScoped
public class DeadLetters {

    /** A dead letter as an operator sees it: no payload, since payloads may identify a person. */
    public record DeadLetter(String messageId, String eventId, String eventType, String sentAt) {
    }

    @Inject
    SqsClient sqs;
    @Inject
    QueueUrls queues;

    /** Peeks at up to {@code max} dead letters; they stay in the queue. */
    public List<DeadLetter> list(int max) {
        String dlq = queues.ownDeadLetterQueue();
        List<DeadLetter> letters = new ArrayList<>();
        List<Message> seen = new ArrayList<>();
        while (letters.size() < max) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(Math.min(10, max - letters.size()))
                    .visibilityTimeout(30).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message m : batch) {
                seen.add(m);
                letters.add(new DeadLetter(m.messageId(), eventId(m.body()),
                        m.messageAttributes().containsKey("eventType") ? m.messageAttributes().get("eventType").stringValue() : null,
                        m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)));
            }
        }
        // Make them visible again at once: listing must not hide them from a redrive.
        for (Message m : seen) {
            sqs.changeMessageVisibility(b -> b.queueUrl(dlq).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
        return letters;
    }

    /** One page of a redrive: how many moved; {@code more}: dead letters are left (call again); {@code remaining}: SQS's approximate count. */
    public record Redriven(int moved, boolean more, long remaining) {
    }

    /**
     * Moves up to {@code max} dead letters back to the service's queue (send first, then delete: never lost;
     * at worst sent twice, and consumers deduplicate). One bounded page per call, so an operator request never
     * runs for as long as the queue is deep; {@code remaining} (SQS's approximate count) says whether to call
     * again.
     */
    public Redriven redrive(int max) {
        String dlq = queues.ownDeadLetterQueue();
        String queue = queues.ownQueue();
        int moved = 0;
        while (moved < max) {
            int want = Math.min(10, max - moved);
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(want).visibilityTimeout(60)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message m : batch) {
                sqs.sendMessage(b -> b.queueUrl(queue).messageBody(m.body()).messageAttributes(m.messageAttributes()));
                sqs.deleteMessage(b -> b.queueUrl(dlq).receiptHandle(m.receiptHandle()));
                moved++;
            }
        }
        long remaining = depth(dlq);
        return new Redriven(moved, remaining > 0, remaining);
    }

    private long depth(String queueUrl) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    private static String eventId(String body) {
        int at = body.indexOf("\"id\":\"");
        if (at < 0) {
            return null;
        }
        int end = body.indexOf('"', at + 6);
        return end < 0 ? null : body.substring(at + 6, Math.min(end, at + 6 + 64));
    }
}
