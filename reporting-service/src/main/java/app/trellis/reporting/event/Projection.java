package app.trellis.reporting.event;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * A read model kept from events. Applying an event must be idempotent and independent of order (a column moves
 * only for a newer sequence of its aggregate, or fills what is still unknown), so the live consumer and a
 * rebuild from the stored events ({@code ProjectionRebuild}) give the same rows.
 */
public interface Projection extends EventHandler {

    /** The tables this projection alone writes; a rebuild empties them before replaying. */
    List<String> tables();

    /** The event types it applies. */
    Set<String> types();

    @Override
    default boolean handles(String type) {
        return types().contains(type);
    }

    /**
     * The event's data, or empty when it does not fit the contract or lacks what the projection keys on (in it or in the envelope: tenant, time, sequence): such an
     * event is left out of the projection (with a warning naming type and id) rather than failed, because the
     * consumer's transaction also keeps it for the feed and the audit trail, which must not wait on a read model.
     */
    static <T> Optional<T> fitting(CloudEvent event, ObjectMapper json, Class<T> contract, Predicate<T> complete) {
        try {
            event.sequenceNumber();
            T data = event.tenantid() == null || event.time() == null ? null : event.dataAs(json, contract);
            if (data != null && complete.test(data)) {
                return Optional.of(data);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        Logger.getLogger(Projection.class).warnf("Event %s (%s) does not fit its contract; not projected",
                event.id(), event.type());
        return Optional.empty();
    }

    /** Whether every value the projection keys on is there. */
    static boolean present(Object... values) {
        for (Object value : values) {
            if (value == null) {
                return false;
            }
        }
        return true;
    }
}
