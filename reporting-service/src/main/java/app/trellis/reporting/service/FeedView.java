package app.trellis.reporting.service;

import app.trellis.reporting.domain.FeedEvent;
import app.trellis.reporting.domain.FeedItem;
import app.trellis.reporting.domain.FeedReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A feed entry as one reader may see it. Minimum necessary: the event's id, type, subject, time and data, not
 * the producer's envelope. For a de-identified reader every id (the event's, the subject's, every UUID in the
 * data, and people's subjects such as an assignee) becomes that reader's pseudonym of it; event data carries
 * ids and codes only (never names or free text), so what is left identifies nobody.
 */
@ApplicationScoped
public class FeedView {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Fields naming a person by something other than a UUID (a token subject may be any string). */
    private static final Set<String> PEOPLE = Set.of("assignee", "actor");

    @Inject
    Pseudonyms pseudonyms;
    @Inject
    ObjectMapper json;

    public FeedItem present(FeedReader reader, FeedEvent event) {
        JsonNode data = data(event);
        if (!reader.deidentified()) {
            return new FeedItem(event.sequence(), event.eventId(), event.type(), event.subject(), event.occurredAt(), data);
        }
        String subscriber = reader.subscriber();
        return new FeedItem(event.sequence(), pseudonyms.of(subscriber, event.eventId()), event.type(),
                subject(subscriber, event.subject()), event.occurredAt(), deidentify(subscriber, data, false));
    }

    private JsonNode data(FeedEvent event) {
        try {
            return json.readTree(event.payload()).path("data");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored feed entry unreadable", e);
        }
    }

    private String subject(String subscriber, String subject) {
        int slash = subject.lastIndexOf('/');
        String id = subject.substring(slash + 1);
        return UUID_SHAPE.matcher(id).matches() ? subject.substring(0, slash + 1) + pseudonyms.of(subscriber, id) : subject;
    }

    private JsonNode deidentify(String subscriber, JsonNode node, boolean person) {
        if (node.isTextual()) {
            String text = node.asText();
            return person || UUID_SHAPE.matcher(text).matches() ? TextNode.valueOf(pseudonyms.of(subscriber, text)) : node;
        }
        if (node.isArray()) {
            var copy = json.createArrayNode();
            node.forEach(element -> copy.add(deidentify(subscriber, element, person)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = json.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), deidentify(subscriber, field.getValue(), PEOPLE.contains(field.getKey())));
            }
            return copy;
        }
        return node;
    }
}
