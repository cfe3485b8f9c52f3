package app.trellis.cases.api;

import app.trellis.platform.audit.AuditQuery;
import app.trellis.platform.audit.AuditVerifier;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.QueryParams;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit trail of this service's PHI, for auditors only: who touched a client's records, and whether
 * the chain is intact. Reading the audit is not itself PHI access (it holds ids, not health data).
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    @Inject
    AuditQuery query;
    @Inject
    AuditVerifier verifier;
    @Inject
    Caller caller;

    @GET
    public Page<AuditQuery.Row> records(@QueryParam("clientId") String clientId, @QueryParam("limit") Integer limit,
                                        @QueryParam("cursor") String cursor) {
        String client = QueryParams.uuid("clientId", clientId).map(Object::toString).orElse(null);
        PageRequest page = PageRequest.of(limit, cursor);
        return query.find(caller.tenant(), client, page);
    }

    /** Walks the tenant's whole chain; reports the first broken link if any record was altered or removed. */
    @GET
    @Path("verification")
    public AuditVerifier.Report verify() {
        return verifier.verify(caller.tenant());
    }
}
