package app.trellis.reporting.api;

import app.trellis.reporting.domain.FeedItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A feed entry: its place in the tenant's feed ({@code position}, the bookmark to resume after) and the event's
 * id, type, subject, time and data. For a de-identified subscriber every id is its pseudonym.
 */
public record FeedItemResponse(long position, String id, String type, String subject, Instant time, JsonNode data) {

    static FeedItemResponse from(FeedItem item) {
        return new FeedItemResponse(item.position(), item.id(), item.type(), item.subject(), item.time(), item.data());
    }
}
