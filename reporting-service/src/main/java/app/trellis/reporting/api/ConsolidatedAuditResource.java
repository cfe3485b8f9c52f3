package app.trellis.reporting.api;

import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.problem.QueryParams;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import app.trellis.reporting.service.AuditContinuity;
import app.trellis.reporting.service.ClientAccesses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The consolidated audit trail, for auditors only: every service's published audit records, kept here outside the
 * databases that produced them. The gateway routes {@code /api/v1/audit/clients/} and {@code /api/v1/audit/continuity}
 * here; the rest of {@code /api/v1/audit} stays with case-service.
 */
@Path("/api/v1/audit")
@RolesAllowed(Roles.AUDITOR)
public class ConsolidatedAuditResource {

    @Inject
    ClientAccesses accesses;
    @Inject
    AuditContinuity continuity;
    @Inject
    Caller caller;

    /** Who saw or changed the client's data, in which service, when and whether by break-glass; newest first. */
    @GET
    @Path("clients/{clientId}/accesses")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<AuditResponses.Access> accesses(@PathParam("clientId") String clientId, @QueryParam("limit") Integer limit,
                                                @QueryParam("cursor") String cursor) {
        UUID client = client(clientId);
        return accesses.page(caller.tenant(), client, PageRequest.of(limit, cursor)).map(AuditResponses.Access::from);
    }

    /** The same, every access at once, as CSV for a privacy officer (a header row, RFC 4180 quoting). */
    @GET
    @Path("clients/{clientId}/accesses")
    @Produces(Csv.MEDIA_TYPE)
    public Response accessesCsv(@PathParam("clientId") String clientId) {
        UUID client = client(clientId);
        String tenant = caller.tenant();
        StreamingOutput csv = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(Csv.row(AuditResponses.Access.HEADER));
            accesses.each(tenant, client, access -> write(writer, Csv.row(AuditResponses.Access.from(access).fields())));
            writer.flush();
        };
        return Response.ok(csv, Csv.MEDIA_TYPE + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"client-accesses.csv\"").build();
    }

    /** Gaps and changed hashes in each service's published audit chain of the caller's tenant. */
    @GET
    @Path("continuity")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditResponses.Chains continuity() {
        return new AuditResponses.Chains(continuity.check(caller.tenant()).stream()
                .map(AuditResponses.Continuity::from).toList());
    }

    private static UUID client(String clientId) {
        return QueryParams.uuid("clientId", clientId)
                .orElseThrow(() -> ProblemException.badRequest("clientId", "must be a UUID"));
    }

    private static void write(BufferedWriter writer, String row) {
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
