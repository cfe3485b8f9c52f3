package app.trellis.platform.event;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Operator endpoints of a service's own dead-letter queue. Served on the service's port, not routed by
 * the gateway; the {@code platform-operator} role is never given to tenant users.
 */
@Path("/ops/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(DeadLetterResource.OPERATOR)
public class DeadLetterResource {

    public static final String OPERATOR = "platform-operator";

    public record Redriven(int moved) {
    }

    @Inject
    DeadLetters deadLetters;

    @GET
    public List<DeadLetters.DeadLetter> list(@QueryParam("max") @DefaultValue("50") int max) {
        return deadLetters.list(Math.max(1, Math.min(max, 500)));
    }

    @POST
    @Path("redrive")
    public Redriven redrive() {
        return new Redriven(deadLetters.redrive());
    }
}
