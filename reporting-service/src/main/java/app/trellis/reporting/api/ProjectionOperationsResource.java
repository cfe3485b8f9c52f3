package app.trellis.reporting.api;

import app.trellis.platform.event.DeadLetterResource;
import app.trellis.reporting.service.ProjectionRebuild;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Operator command: rebuild the projections from the stored events, with a progress line as it goes. Served on the
 * service's port, like the dead-letter endpoints, never routed by the gateway; lines carry counts, never tenant data.
 */
@Path("/ops/projections")
@RolesAllowed(DeadLetterResource.OPERATOR)
public class ProjectionOperationsResource {

    @Inject
    ProjectionRebuild rebuild;

    @POST
    @Path("rebuild")
    @Produces(MediaType.TEXT_PLAIN)
    public Response rebuild() {
        rebuild.claim();
        StreamingOutput lines = out -> {
            PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
            try {
                rebuild.run(line -> {
                    writer.println(line);
                    writer.flush();
                });
            } catch (RuntimeException e) {
                // The status line is gone already; the last line says it failed and the log says why.
                writer.println("failed: " + e.getClass().getSimpleName() + " (see the service log)");
                writer.flush();
                throw e;
            }
        };
        return Response.ok(lines, MediaType.TEXT_PLAIN_TYPE).build();
    }
}
