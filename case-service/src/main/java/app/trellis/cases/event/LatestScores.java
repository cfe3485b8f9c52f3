package app.trellis.cases.event;

import app.trellis.cases.domain.CaseScore;
import app.trellis.cases.repository.CaseScoreRepository;
import app.trellis.platform.contracts.AssessmentSubmittedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code assessment.submitted} puts the score on the case: per instrument the newest submission (by the time it
 * was submitted, the event's time, then revision, so an amendment replaces its original), whatever order the
 * events arrive in. Redelivery changes nothing.
 */
@ApplicationScoped
public class LatestScores implements EventHandler {

    @Inject
    CaseScoreRepository scores;
    @Inject
    ObjectMapper json;

    @Override
    public boolean handles(String type) {
        return AssessmentSubmittedV1.TYPE.equals(type);
    }

    @Override
    public void handle(CloudEvent event) {
        AssessmentSubmittedV1 submitted = event.dataAs(json, AssessmentSubmittedV1.class);
        scores.keepIfNewer(event.tenantid(), submitted.caseId(), new CaseScore(submitted.instrumentId(),
                submitted.assessmentId(), submitted.instrument(), submitted.revision(), submitted.total(),
                submitted.band(), submitted.flags() == null ? List.of() : submitted.flags(), event.time()));
    }
}
