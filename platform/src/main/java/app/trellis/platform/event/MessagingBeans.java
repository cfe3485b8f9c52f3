package app.trellis.platform.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@ApplicationScoped
public class MessagingBeans {

    @Produces
    @Singleton
    Topology topology() {
        return Topology.load();
    }
}
