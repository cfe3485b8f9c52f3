package app.trellis.cases.api;

import app.trellis.cases.service.Caseloads;
import app.trellis.platform.security.PersonRef;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/caseload}: the caller's; {@code ?caseManager=} (supervisors) anyone's in the tenant. */
@Path("/api/v1/caseload")
@Produces(MediaType.APPLICATION_JSON)
public class CaseloadResource {

    @Inject
    Caseloads caseloads;

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public CaseloadResponse caseload(@QueryParam("caseManager") String caseManager) {
        Caseloads.Caseload load = caseloads.caseload(caseManager);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        load.byStatus().forEach((status, count) -> byStatus.put(CaseStatusCodes.of(status), count));
        return new CaseloadResponse(PersonRef.of(load.caseManager()), byStatus, load.overdueTasks(), load.openWithoutContactIn30Days());
    }

    /** Counts of one case manager's caseload. */
    public record CaseloadResponse(PersonRef caseManager, Map<String, Long> casesByStatus, long overdueTasks,
                                   long openCasesWithoutContactIn30Days) {
    }
}
