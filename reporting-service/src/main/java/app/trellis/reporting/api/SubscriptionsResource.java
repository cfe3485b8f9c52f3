package app.trellis.reporting.api;

import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.paging.Page;
import app.trellis.platform.security.Roles;
import app.trellis.reporting.domain.FeedReader;
import app.trellis.reporting.domain.FeedSubscription;
import app.trellis.reporting.service.FeedReaders;
import app.trellis.reporting.service.Subscriptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A feed subscriber's deliveries into its own SQS queue ({@code feed.read}, configured subscribers only; each sees
 * and changes its own subscriptions only).
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SCOPE_FEED_READ)
public class SubscriptionsResource {

    @Inject
    Subscriptions subscriptions;
    @Inject
    FeedReaders readers;
    @Inject
    IdempotentCreates idempotent;

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location names the new subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionResponse.class)))
    public Response subscribe(@Valid @NotNull SubscriptionRequest body,
                              @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Context UriInfo uri) {
        FeedReader subscriber = readers.subscriber();
        return idempotent.run(idempotencyKey, body, () -> {
            FeedSubscription created = subscriptions.register(subscriber, new Subscriptions.Registration(body.types(),
                    body.queue(), body.deidentified(), body.after() == null ? 0 : body.after()));
            return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                    .entity(SubscriptionResponse.from(created, 0)).build();
        }, id -> subscriptions.get(subscriber, id));
    }

    @GET
    public Page<SubscriptionResponse> list() {
        FeedReader subscriber = readers.subscriber();
        return Page.whole(subscriptions.list(subscriber).stream().map(this::response).toList());
    }

    @GET
    @Path("{id}")
    public SubscriptionResponse get(@PathParam("id") String id) {
        return response(subscriptions.get(readers.subscriber(), id));
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id) {
        subscriptions.cancel(readers.subscriber(), id);
        return Response.noContent().build();
    }

    private SubscriptionResponse response(FeedSubscription s) {
        return SubscriptionResponse.from(s, subscriptions.parked(s));
    }
}
