package app.trellis.assessment.api;

import app.trellis.assessment.domain.InstrumentVersion;
import app.trellis.assessment.domain.instrument.FhirQuestionnaires;
import app.trellis.assessment.domain.instrument.InstrumentDefinition;
import app.trellis.assessment.domain.instrument.InstrumentJson;
import app.trellis.assessment.service.InstrumentAuthoring;
import app.trellis.assessment.service.InstrumentCatalogue;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.function.Function;

/**
 * The instrument catalogue: the tenant's own instruments and the shared library. Tenant administrators author
 * their own: a body is a Trellis definition ({@code application/json}) or a FHIR R4 Questionnaire
 * ({@code application/fhir+json}), and becomes a new draft; a draft changes until it is published, then never.
 */
@Path("/api/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentsResource {

    static final String FHIR_JSON = "application/fhir+json";

    @Inject
    InstrumentCatalogue catalogue;
    @Inject
    InstrumentAuthoring authoring;
    @Inject
    IdempotentCreates idempotent;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.TENANT_ADMIN,
            Roles.SCOPE_ASSESSMENTS_READ})
    public Page<InstrumentResponse> instruments(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return catalogue.instruments(caller.tenant(), PageRequest.of(limit, cursor)).map(InstrumentResponse::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.TENANT_ADMIN,
            Roles.SCOPE_ASSESSMENTS_READ})
    public InstrumentResponse instrument(@PathParam("id") UUID id) {
        return InstrumentResponse.from(catalogue.instrument(id));
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.TENANT_ADMIN,
            Roles.SCOPE_ASSESSMENTS_READ})
    public Page<InstrumentVersionResponse> versions(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                                    @QueryParam("cursor") String cursor) {
        return catalogue.versions(id, PageRequest.of(limit, cursor)).map(InstrumentVersionResponse::summary);
    }

    @GET
    @Path("{id}/versions/{versionId}")
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.TENANT_ADMIN,
            Roles.SCOPE_ASSESSMENTS_READ})
    public Response version(@PathParam("id") UUID id, @PathParam("versionId") UUID versionId) {
        return withTag(catalogue.version(id, versionId));
    }

    /** The version as a FHIR R4 Questionnaire (status draft, active or retired). */
    @GET
    @Path("{id}/versions/{versionId}/fhir")
    @Produces(FHIR_JSON)
    @RolesAllowed({Roles.ASSESSOR, Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.TENANT_ADMIN,
            Roles.SCOPE_ASSESSMENTS_READ})
    public Response questionnaire(@PathParam("id") UUID id, @PathParam("versionId") UUID versionId) {
        InstrumentVersion version = catalogue.version(id, versionId);
        ObjectNode fhir = FhirQuestionnaires.exportQuestionnaire(version.definition(), version.status());
        return Response.ok(fhir.toString(), FHIR_JSON).tag(ETags.of(version.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response createInstrument(String body, @HeaderParam(IdempotentCreates.HEADER) String key,
                                     @Context UriInfo uri) {
        return create(key, body, uri, null, InstrumentJson::read);
    }

    @POST
    @Consumes(FHIR_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response importInstrument(String body, @HeaderParam(IdempotentCreates.HEADER) String key,
                                     @Context UriInfo uri) {
        return create(key, body, uri, null, FhirQuestionnaires::importQuestionnaire);
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response addVersion(@PathParam("id") UUID id, String body, @HeaderParam(IdempotentCreates.HEADER) String key,
                               @Context UriInfo uri) {
        return create(key, body, uri, id, InstrumentJson::read);
    }

    @POST
    @Path("{id}/versions")
    @Consumes(FHIR_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response importVersion(@PathParam("id") UUID id, String body,
                                  @HeaderParam(IdempotentCreates.HEADER) String key, @Context UriInfo uri) {
        return create(key, body, uri, id, FhirQuestionnaires::importQuestionnaire);
    }

    @PUT
    @Path("{id}/versions/{versionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response reviseDraft(@PathParam("id") UUID id, @PathParam("versionId") UUID versionId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return withTag(authoring.reviseDraft(id, versionId, ifMatch, InstrumentJson.read(body)));
    }

    @POST
    @Path("{id}/versions/{versionId}/publish")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response publish(@PathParam("id") UUID id, @PathParam("versionId") UUID versionId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(authoring.publish(id, versionId, ifMatch));
    }

    @POST
    @Path("{id}/versions/{versionId}/retire")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response retire(@PathParam("id") UUID id, @PathParam("versionId") UUID versionId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(authoring.retire(id, versionId, ifMatch));
    }

    /** A new draft: of a new instrument ({@code instrumentId} null) or of an existing one. */
    private Response create(String key, String body, UriInfo uri, UUID instrumentId,
                            Function<String, InstrumentDefinition> read) {
        return idempotent.run(key, body, () -> {
            InstrumentDefinition definition = read.apply(body);
            InstrumentVersion draft = instrumentId == null ? authoring.createInstrument(definition)
                    : authoring.addVersion(instrumentId, definition);
            return Response.created(uri.getBaseUriBuilder().path(InstrumentsResource.class)
                            .path(draft.instrumentId().toString()).path("versions").path(draft.id().toString()).build())
                    .tag(ETags.of(draft.version())).entity(InstrumentVersionResponse.full(draft)).build();
        }, versionId -> catalogue.version(UUID.fromString(versionId)));
    }

    private static Response withTag(InstrumentVersion version) {
        return Response.ok(InstrumentVersionResponse.full(version)).tag(ETags.of(version.version())).build();
    }
}
