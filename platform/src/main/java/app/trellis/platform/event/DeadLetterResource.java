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

    /** Redrive moves at most this many per call unless {@code ?max=} says otherwise, and never more than {@link #REDRIVE_CAP}. */
    public static final int REDRIVE_DEFAULT = 100;
    public static final int REDRIVE_CAP = 1000;

    @Inject
    DeadLetters deadLetters;

    @GET
    public List<DeadLetters.DeadLetter> list(@QueryParam("max") @DefaultValue("50") int max) {
        return deadLetters.list(Math.max(1, Math.min(max, 500)));
    }

    /** Moves one page of dead letters (default {@value #REDRIVE_DEFAULT}, at most {@value #REDRIVE_CAP}) back to the queue. */
    @POST
    @Path("redrive")
    public DeadLetters.Redriven redrive(@QueryParam("max") @DefaultValue("" + REDRIVE_DEFAULT) int max) {
        return deadLetters.redrive(Math.max(1, Math.min(max, REDRIVE_CAP)));
    }
}
