package app.trellis.assessment.api;

import app.trellis.assessment.domain.ScheduleRule;
import app.trellis.assessment.service.ScheduleRules;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * Reassessment schedules: which instrument the cases of a program take, when first and how often. Tenant admins
 * and supervisors set them; the staff who work assessments read them.
 */
@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchedulesResource {

    @Inject
    ScheduleRules schedules;
    @Inject
    IdempotentCreates idempotent;

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SUPERVISOR})
    public Response define(@Valid @NotNull ScheduleRequests.Create body,
                           @HeaderParam(IdempotentCreates.HEADER) String key, @Context UriInfo uri) {
        return idempotent.run(key, body, () -> {
            ScheduleRule rule = schedules.define(body.program(), body.instrumentId(), new ScheduleRule.Timing(
                    body.firstWithinDays(), body.repeatEveryDays(), windowDays(body.windowDays())));
            return Response.created(uri.getAbsolutePathBuilder().path(rule.id().toString()).build())
                    .tag(ETags.of(rule.version())).entity(ScheduleResponse.of(rule)).build();
        }, id -> schedules.rule(UUID.fromString(id)));
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SUPERVISOR, Roles.CASE_MANAGER, Roles.ASSESSOR})
    public Page<ScheduleResponse> schedules(@QueryParam("program") String program, @QueryParam("limit") Integer limit,
                                            @QueryParam("cursor") String cursor) {
        return schedules.rules(program, PageRequest.of(limit, cursor)).map(ScheduleResponse::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SUPERVISOR, Roles.CASE_MANAGER, Roles.ASSESSOR})
    public Response schedule(@PathParam("id") UUID id) {
        return withTag(schedules.rule(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SUPERVISOR})
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ScheduleRequests.Update body) {
        return withTag(schedules.revise(id, ifMatch, new ScheduleRule.Timing(body.firstWithinDays(),
                body.repeatEveryDays(), windowDays(body.windowDays())), body.active()));
    }

    private static int windowDays(Integer given) {
        return given == null ? ScheduleRequests.DEFAULT_WINDOW_DAYS : given;
    }

    private static Response withTag(ScheduleRule rule) {
        return Response.ok(ScheduleResponse.of(rule)).tag(ETags.of(rule.version())).build();
    }
}
