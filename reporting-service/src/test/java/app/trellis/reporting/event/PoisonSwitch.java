package app.trellis.reporting.event;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * A handler with a bug that tests can switch on and off: while broken it fails every event of the
 * poison type, as a deployed handler with a defect would; "fixing" it is deploying the repair.
 * It also simulates a slow handler, to prove visibility is extended while it runs.
 */
@ApplicationScoped
public class PoisonSwitch implements EventHandler {

    public static final String POISON_TYPE = "app.trellis.test.poison.v1";
    public static final String SLOW_TYPE = "app.trellis.test.slow.v1";

    private volatile boolean broken = true;
    private volatile Duration slowness = Duration.ZERO;

    // Methods, not field writes: tests hold a client proxy, whose fields are not the bean's.
    public void set(boolean broken, Duration slowness) {
        this.broken = broken;
        this.slowness = slowness;
    }

    @Override
    public boolean handles(String type) {
        return type.equals(POISON_TYPE) || type.equals(SLOW_TYPE);
    }

    @Override
    public void handle(CloudEvent event) {
        if (event.type().equals(POISON_TYPE) && broken) {
            throw new IllegalStateException("defect in the handler");
        }
        if (event.type().equals(SLOW_TYPE)) {
            try {
                Thread.sleep(slowness.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
