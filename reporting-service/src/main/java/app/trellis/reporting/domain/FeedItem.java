package app.trellis.reporting.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One feed entry as one reader sees it: ids already replaced by pseudonyms for a de-identified reader. */
public record FeedItem(long position, String id, String type, String subject, Instant time, JsonNode data) {
}
