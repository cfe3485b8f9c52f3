package app.trellis.assessment.api;

import app.trellis.assessment.domain.Assessment;
import app.trellis.assessment.service.AssessmentLifecycle;
import app.trellis.assessment.service.AssessmentReader;
import app.trellis.assessment.service.Reassessments;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.problem.QueryParams;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Assessments of clients within cases. Who sees one follows its case; staff who work assessments read and
 * write, partners read with {@code system/assessments.read} and a data-sharing consent, auditors never.
 * Answers are saved as a draft, then submitted once: the server validates and scores them by the pinned
 * instrument version, and a submitted assessment changes only through an amendment (a new revision).
 */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentsResource {

    @Inject
    AssessmentLifecycle lifecycle;
    @Inject
    AssessmentReader reader;
    @Inject
    Reassessments reassessments;
    @Inject
    IdempotentCreates idempotent;
    @Inject
    ObjectMapper json;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public Response start(@Valid @NotNull AssessmentRequests.Start body,
                          @HeaderParam(IdempotentCreates.HEADER) String key, @Context UriInfo uri) {
        return idempotent.run(key, body, () -> created(uri, lifecycle.start(new AssessmentLifecycle.Start(
                body.clientId(), body.caseId(), body.instrumentVersionId(), body.instrumentId()))), this::replayed);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.SCOPE_ASSESSMENTS_READ})
    public Response assessment(@PathParam("id") UUID id) {
        AssessmentReader.Opened opened = reader.assessment(id);
        return withTag(opened.assessment(), AssessmentResponse.of(opened.assessment(), opened.answers()));
    }

    /** Newest first, without answers: {@code clientId} gives the client's score history. */
    @GET
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.SCOPE_ASSESSMENTS_READ})
    public Page<AssessmentResponse> assessments(@QueryParam("clientId") String clientId,
                                                @QueryParam("caseId") String caseId, @QueryParam("limit") Integer limit,
                                                @QueryParam("cursor") String cursor) {
        return reader.history(QueryParams.uuid("clientId", clientId).orElse(null),
                QueryParams.uuid("caseId", caseId).orElse(null), PageRequest.of(limit, cursor))
                .map(AssessmentResponse::summary);
    }

    /**
     * What reassessment schedules expect and nobody submitted yet, by due date, in the cases the caller sees:
     * {@code assignee} {@code me} (the caller) or a token subject limits it to cases assigned to them;
     * {@code status} {@code due} or {@code overdue} to one of the two.
     */
    @GET
    @Path("due")
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.SCOPE_ASSESSMENTS_READ})
    public Page<DueAssessmentResponse> due(@QueryParam("assignee") String assignee,
                                           @QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                           @QueryParam("cursor") String cursor) {
        Boolean overdue = status == null ? null : switch (status) {
            case "due" -> false;
            case "overdue" -> true;
            default -> throw ProblemException.badRequest("status", "must be due or overdue");
        };
        String subject = assignee == null || assignee.isBlank() ? null : "me".equals(assignee) ? caller.subject() : assignee;
        return reassessments.due(subject, overdue, PageRequest.of(limit, cursor)).map(DueAssessmentResponse::of);
    }

    @PUT
    @Path("{id}/answers")
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public Response saveAnswers(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull AssessmentRequests.Answers body) {
        Assessment saved = lifecycle.saveAnswers(id, ifMatch, body.answers());
        return withTag(saved, AssessmentResponse.summary(saved));
    }

    /** Submits the saved answers (no body needed), or the answers in the body (saved and submitted at once). */
    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        Assessment submitted = lifecycle.submit(id, ifMatch, answersIn(body));
        return withTag(submitted, AssessmentResponse.summary(submitted));
    }

    @POST
    @Path("{id}/amendments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public Response amend(@PathParam("id") UUID id, @HeaderParam(IdempotentCreates.HEADER) String key,
                          @Context UriInfo uri) {
        return idempotent.run(key, id, () -> created(uri, lifecycle.amend(id)), this::replayed);
    }

    /** A replay shows the assessment it created: the caller must still see it, and the read is audited. */
    private void replayed(String assessmentId) {
        reader.assessment(UUID.fromString(assessmentId));
    }

    /** A submitted assessment as a FHIR R4 QuestionnaireResponse; a draft is 409. */
    @GET
    @Path("{id}/fhir")
    @Produces(InstrumentsResource.FHIR_JSON)
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.SCOPE_ASSESSMENTS_READ})
    public Response questionnaireResponse(@PathParam("id") UUID id) {
        return Response.ok(reader.questionnaireResponse(id).toString(), InstrumentsResource.FHIR_JSON).build();
    }

    // Read by hand: a submit without a body (and so without a Content-Type) is the usual case, and JAX-RS would
    // refuse it with 415 before a JSON reader could call it empty.
    private JsonNode answersIn(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            AssessmentRequests.Answers parsed = json.readValue(body, AssessmentRequests.Answers.class);
            if (parsed.answers() == null) {
                throw ProblemException.badRequest("answers", "must not be null");
            }
            return parsed.answers();
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("answers", "the body must be {\"answers\": {linkId: answers}} or empty");
        }
    }

    private static Response created(UriInfo uri, Assessment assessment) {
        return Response.created(uri.getBaseUriBuilder().path(AssessmentsResource.class)
                        .path(assessment.id().toString()).build())
                .tag(ETags.of(assessment.version())).entity(AssessmentResponse.summary(assessment)).build();
    }

    private static Response withTag(Assessment assessment, AssessmentResponse body) {
        return Response.ok(body).tag(ETags.of(assessment.version())).build();
    }
}
