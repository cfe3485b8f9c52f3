package app.trellis.reporting.event;

import app.trellis.platform.event.EventHandler;
import java.util.List;

/**
 * A read model kept from events. Applying an event must be idempotent and independent of order (a column moves
 * only for a newer sequence of its aggregate, or fills what is still unknown), so the live consumer and a
 * rebuild from the stored events ({@code ProjectionRebuild}) give the same rows.
 */
public interface Projection extends EventHandler {

    /** The tables this projection alone writes; a rebuild empties them before replaying. */
    List<String> tables();
}
