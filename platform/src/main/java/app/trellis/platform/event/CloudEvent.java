package app.trellis.platform.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every Trellis event: CloudEvents 1.0 in structured JSON mode, with the tenant as the
 * {@code tenantid} extension and a per-aggregate {@code sequence}. Unknown attributes are ignored, so
 * producers may add extensions without breaking consumers. A breaking change to {@code data} is a new
 * {@code type} version ({@code ...v2}), never an edit of {@code v1}.
 *
 * @param id          unique event id (UUID); consumers deduplicate on it
 * @param source      producing service, e.g. {@code /trellis/case-service}
 * @param type        {@code app.trellis.<aggregate>.<event>.v<N>}
 * @param subject     the aggregate, e.g. {@code case/0192f5...}
 * @param time        when the change committed (UTC)
 * @param tenantid    the tenant the change belongs to
 * @param sequence    position of this event among its aggregate's events, from 1, as a string (CloudEvents sequence)
 * @param data        the event's payload; minimum necessary data: ids and codes, never free text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                         String tenantid, String sequence, String datacontenttype, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_PREFIX = "app.trellis.";

    public static CloudEvent of(String source, String type, String subject, Instant time, String tenant, long sequence,
                                JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, time, tenant,
                Long.toString(sequence), "application/json", data);
    }

    public long sequenceNumber() {
        return Long.parseLong(sequence);
    }

    /**
     * {@code data} as its contract record; data that does not fit is an error (the message is retried, then
     * dead-lettered). Fields the record does not know are ignored whatever the mapper says: request bodies are
     * strict, but a consumer must keep working when a producer adds a field to its event (tolerant reader).
     */
    public <T> T dataAs(ObjectMapper json, Class<T> contract) {
        try {
            return json.readerFor(contract).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (IOException e) {
            throw new IllegalArgumentException(type + " " + id + " does not match its contract", e);
        }
    }
}
