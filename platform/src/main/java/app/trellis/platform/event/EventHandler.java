package app.trellis.platform.event;

/**
 * Applies one event to the consuming service's own state. It runs inside the transaction that also
 * writes the inbox row, so the effect and "this event was handled" commit together; throwing rolls
 * both back and the message is retried (and after 5 receives lands in the dead-letter queue).
 */
public interface EventHandler {

    /** True when this handler wants events of the given type (e.g. {@code app.trellis.case.closed.v1}). */
    boolean handles(String type);

    void handle(CloudEvent event);
}
