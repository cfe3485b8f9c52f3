package app.trellis.reporting.api;

import app.trellis.reporting.domain.FeedEvent;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** A feed entry: its position (the bookmark) and the CloudEvents envelope exactly as published. */
public record FeedEventResponse(long position, String id, String type, String subject, Instant time,
                                @JsonRawValue String event) {

    static FeedEventResponse from(FeedEvent e) {
        return new FeedEventResponse(e.position(), e.eventId(), e.type(), e.subject(), e.occurredAt(), e.payload());
    }
}
