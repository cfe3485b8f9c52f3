package app.trellis.reporting.api;

import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Roles;
import app.trellis.reporting.service.EventFeed;
import app.trellis.reporting.service.FeedReaders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The external event feed of the caller's tenant, for configured reporting consumers ({@code feed.read}) and
 * supervisors: oldest first, resumable after any position ({@code after}, or the opaque {@code cursor} of the
 * previous page), narrowed to {@code types} (comma-separated or repeated).
 */
@Path("/api/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    @Inject
    EventFeed feed;
    @Inject
    FeedReaders readers;

    @GET
    @RolesAllowed({Roles.SCOPE_FEED_READ, Roles.SUPERVISOR})
    public Page<FeedItemResponse> feed(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                       @QueryParam("after") String after, @QueryParam("types") List<String> types) {
        if (cursor != null && after != null) {
            throw ProblemException.badRequest("after", "give either after or cursor, not both");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        long from = after != null ? position(after) : page.after().map(c -> c.number(0)).orElse(0L);
        return feed.read(readers.current(), from, typeSet(types), page).map(FeedItemResponse::from);
    }

    private static long position(String after) {
        try {
            long position = Long.parseLong(after);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("after", "must be a feed position (0 or more)");
    }

    private static Set<String> typeSet(List<String> types) {
        Set<String> set = new LinkedHashSet<>();
        if (types != null) {
            types.forEach(t -> Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(set::add));
        }
        return set;
    }
}
