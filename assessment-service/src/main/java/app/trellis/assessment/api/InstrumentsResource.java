package app.trellis.assessment.api;

import app.trellis.assessment.service.InstrumentCatalogue;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentsResource {

    @Inject
    InstrumentCatalogue catalogue;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.TENANT_ADMIN,
            Roles.SCOPE_ASSESSMENTS_READ})
    public Page<InstrumentResponse> instruments(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return catalogue.instruments(caller.tenant(), PageRequest.of(limit, cursor)).map(InstrumentResponse::from);
    }
}
