package app.trellis.reporting.api;

import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import app.trellis.reporting.service.EventFeed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The external event feed of the caller's tenant, for reporting consumers ({@code feed.read}). */
@Path("/api/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    @Inject
    EventFeed feed;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SCOPE_FEED_READ, Roles.SUPERVISOR})
    public Page<FeedEventResponse> feed(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return feed.read(caller.tenant(), PageRequest.of(limit, cursor)).map(FeedEventResponse::from);
    }
}
