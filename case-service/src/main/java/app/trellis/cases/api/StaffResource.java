package app.trellis.cases.api;

import app.trellis.cases.service.StaffDirectory;
import app.trellis.platform.paging.Cursor;
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

/**
 * {@code GET /api/v1/staff}: the tenant's people who have signed in, with their id (token subject) and
 * current name, so an assignment can name its assignee by id. Staff names, not PHI: not audited.
 */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    StaffDirectory directory;
    @Inject
    Caller caller;

    public record StaffMember(String id, String name, String team) {
    }

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.TENANT_ADMIN})
    public Page<StaffMember> staff(@QueryParam("team") String team, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        var members = directory.members(caller.tenant(), team == null || team.isBlank() ? null : team,
                page.after().orElse(null), page.fetchSize());
        return page.toPage(members, m -> Cursor.of(m.name(), m.subject()))
                .map(m -> new StaffMember(m.subject(), m.name(), m.team()));
    }
}
