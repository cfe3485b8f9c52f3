package app.trellis.cases.api;

import app.trellis.cases.domain.CareGoal;
import app.trellis.cases.domain.CareTask;
import app.trellis.cases.service.CarePlans;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.paging.Page;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A case's care plan: goals and tasks. */
@Path("/api/v1/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
public class CarePlanResource {

    @Inject
    CarePlans plans;
    @Inject
    IdempotentCreates idempotent;

    @POST
    @Path("goals")
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CarePlanResponses.Goal.class)))
    public Response setGoal(@PathParam("caseId") UUID caseId, @Valid @NotNull CarePlanRequests.Goal body,
                            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotent.run(idempotencyKey, body, () -> {
            CareGoal goal = plans.setGoal(caseId, body.description(), body.targetDate());
            return Response.created(uri.getAbsolutePathBuilder().path(goal.id().toString()).build())
                    .tag(ETags.of(goal.version())).entity(CarePlanResponses.Goal.from(goal)).build();
        }, id -> plans.goals(caseId)); // no GET of one goal: the goals' GET checks the case and audits the read
    }

    @GET
    @Path("goals")
    public Page<CarePlanResponses.Goal> goals(@PathParam("caseId") UUID caseId) {
        return Page.whole(plans.goals(caseId).stream().map(CarePlanResponses.Goal::from).toList());
    }

    @PUT
    @Path("goals/{goalId}")
    public Response reviseGoal(@PathParam("caseId") UUID caseId, @PathParam("goalId") UUID goalId,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CarePlanRequests.Goal body) {
        CareGoal goal = plans.reviseGoal(caseId, goalId, ifMatch, body.description(), body.targetDate(),
                body.status() == null ? "active" : body.status());
        return Response.ok(CarePlanResponses.Goal.from(goal)).tag(ETags.of(goal.version())).build();
    }

    @POST
    @Path("tasks")
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CarePlanResponses.Task.class)))
    public Response planTask(@PathParam("caseId") UUID caseId, @Valid @NotNull CarePlanRequests.Task body,
                             @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotent.run(idempotencyKey, body, () -> {
            CareTask task = plans.planTask(caseId, body.goalId(), body.title(), body.assignee(), body.dueDate());
            return Response.created(uri.getAbsolutePathBuilder().path(task.id().toString()).build())
                    .tag(ETags.of(task.version())).entity(CarePlanResponses.Task.from(task, plans.today())).build();
        }, id -> plans.tasks(caseId)); // no GET of one task: the tasks' GET checks the case and audits the read
    }

    @GET
    @Path("tasks")
    public Page<CarePlanResponses.Task> tasks(@PathParam("caseId") UUID caseId) {
        var today = plans.today();
        return Page.whole(plans.tasks(caseId).stream().map(t -> CarePlanResponses.Task.from(t, today)).toList());
    }

    @PUT
    @Path("tasks/{taskId}")
    public Response reviseTask(@PathParam("caseId") UUID caseId, @PathParam("taskId") UUID taskId,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CarePlanRequests.Task body) {
        CareTask task = plans.reviseTask(caseId, taskId, ifMatch, body.title(),
                body.assignee(), body.dueDate(),
                body.status() == null ? "open" : body.status());
        return Response.ok(CarePlanResponses.Task.from(task, plans.today())).tag(ETags.of(task.version())).build();
    }
}
