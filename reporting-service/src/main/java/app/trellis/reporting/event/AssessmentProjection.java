package app.trellis.reporting.event;

import app.trellis.platform.contracts.AssessmentAmendedV1;
import app.trellis.platform.contracts.AssessmentDueV1;
import app.trellis.platform.contracts.AssessmentOverdueV1;
import app.trellis.platform.contracts.AssessmentStartedV1;
import app.trellis.platform.contracts.AssessmentSubmittedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.reporting.repository.AssessmentViewRepository;
import app.trellis.reporting.repository.AssessmentViewRepository.Result;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Assessments with their scores, bands and flags (history per client, and the latest per client and instrument),
 * and the (re)assessments announced due or overdue.
 */
@ApplicationScoped
public class AssessmentProjection implements Projection {

    private static final Set<String> TYPES = Set.of(AssessmentStartedV1.TYPE, AssessmentAmendedV1.TYPE,
            AssessmentSubmittedV1.TYPE, AssessmentDueV1.TYPE, AssessmentOverdueV1.TYPE);

    @Inject
    AssessmentViewRepository assessments;
    @Inject
    ObjectMapper json;

    @Override
    public List<String> tables() {
        return List.of("assessment_result", "assessment_flag", "client_score", "assessment_due");
    }

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public void handle(CloudEvent event) {
        String tenant = event.tenantid();
        switch (event.type()) {
            case AssessmentStartedV1.TYPE -> Projection.fitting(event, json, AssessmentStartedV1.class,
                    d -> Projection.present(d.assessmentId(), d.clientId(), d.caseId(), d.instrumentId())).ifPresent(d ->
                        assessments.apply(Result.started(tenant, d.assessmentId(), d.clientId(), d.caseId(),
                                d.instrumentId(), d.instrument(), event.time())));
            case AssessmentAmendedV1.TYPE -> Projection.fitting(event, json, AssessmentAmendedV1.class,
                    d -> Projection.present(d.assessmentId(), d.clientId(), d.caseId(), d.instrumentId())).ifPresent(d ->
                        assessments.apply(Result.amended(tenant, d.assessmentId(), d.clientId(), d.caseId(),
                                d.instrumentId(), d.instrument(), d.revision(), d.amends())));
            case AssessmentSubmittedV1.TYPE -> Projection.fitting(event, json, AssessmentSubmittedV1.class,
                    d -> Projection.present(d.assessmentId(), d.clientId(), d.caseId(), d.instrumentId(), d.instrument(), d.total()))
                    .ifPresent(d -> submitted(tenant, d, event));
            case AssessmentDueV1.TYPE -> Projection.fitting(event, json, AssessmentDueV1.class,
                    d -> Projection.present(d.occurrenceId(), d.caseId(), d.clientId(), d.instrumentId(), d.windowOpens(), d.dueDate()))
                    .ifPresent(d -> assessments.due(tenant, d.occurrenceId(), d.caseId(), d.clientId(),
                            d.instrumentId(), d.windowOpens(), d.dueDate(), event.time(), null));
            default -> Projection.fitting(event, json, AssessmentOverdueV1.class,
                    d -> Projection.present(d.occurrenceId(), d.caseId(), d.clientId(), d.instrumentId(), d.windowOpens(), d.dueDate()))
                    .ifPresent(d -> assessments.due(tenant, d.occurrenceId(), d.caseId(), d.clientId(),
                            d.instrumentId(), d.windowOpens(), d.dueDate(), null, event.time()));
        }
    }

    private void submitted(String tenant, AssessmentSubmittedV1 d, CloudEvent event) {
        List<String> flags = d.flags() == null ? List.of() : d.flags();
        Result result = Result.submitted(tenant, d.assessmentId(), d.clientId(), d.caseId(), d.instrumentId(),
                d.instrument(), d.revision(), d.total(), d.band(), String.join(",", flags), event.time());
        assessments.apply(result);
        assessments.latest(result);
        assessments.flags(result, flags);
    }
}
