package app.trellis.assessment.service;

import app.trellis.assessment.domain.Assessment;
import app.trellis.assessment.domain.AssessmentStatus;
import app.trellis.assessment.domain.Score;
import app.trellis.assessment.domain.instrument.CompiledInstrument;
import app.trellis.assessment.domain.instrument.Evaluation;
import app.trellis.assessment.domain.instrument.FhirQuestionnaires;
import app.trellis.assessment.domain.instrument.ScoreResult;
import app.trellis.assessment.domain.instrument.ScoringEngine;
import app.trellis.assessment.repository.AssessmentRepository;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Reading assessments: one with its answers, a client's or case's history with scores, and a submitted one as
 * a FHIR QuestionnaireResponse. Every read is audited and answered only once its record is durable. No
 * transaction: nothing to commit, and no locks held while the audit appender seals the records.
 */
@ApplicationScoped
public class AssessmentReader {

    @Inject
    AssessmentRepository assessments;
    @Inject
    CompiledInstruments compiled;
    @Inject
    AssessmentAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;

    /** An assessment with its answers opened. */
    public record Opened(Assessment assessment, JsonNode answers) {
    }

    public Opened assessment(UUID id) {
        Assessment assessment = access.seen(id);
        Opened opened = new Opened(assessment, access.open(assessment));
        audit.recordRead(AssessmentAccess.entry("READ", assessment));
        return opened;
    }

    /** Newest first; scores but no answers. {@code clientId} gives a client's score history. */
    public Page<Assessment> history(UUID clientId, UUID caseId, PageRequest page) {
        var filter = new AssessmentRepository.Filter(caller.tenant(), clientId, caseId,
                access.copyFilter(access.viewer()));
        Page<Assessment> found = page.toPage(assessments.list(filter, page),
                a -> Cursor.of(a.createdAt().toString(), a.id().toString()));
        audit.recordReads(found.items().stream().map(a -> AssessmentAccess.entry("SEARCH", a)).toList());
        return found;
    }

    /** A submitted assessment as a FHIR R4 QuestionnaireResponse pinned to its version's canonical URL. */
    public ObjectNode questionnaireResponse(UUID id) {
        Assessment assessment = access.seen(id);
        if (assessment.status() != AssessmentStatus.SUBMITTED) {
            throw ProblemException.conflict("assessment-not-submitted",
                    "Only a submitted assessment has a QuestionnaireResponse");
        }
        CompiledInstrument instrument = compiled.pinned(assessment.instrumentVersionId());
        // The stored answers were valid for this version when submitted, and the version never changed since.
        Evaluation stored = ScoringEngine.evaluate(instrument, access.open(assessment));
        Score score = assessment.score();
        ObjectNode response = FhirQuestionnaires.exportResponse(instrument, stored.answers(),
                new ScoreResult(score.total(), score.subscales(), score.band(), score.flags(),
                        assessment.instrumentCanonical(), assessment.engineVersion()), assessment.submittedAt());
        response.put("id", assessment.id().toString());
        response.putObject("subject").put("reference", "Patient/" + assessment.clientId());
        response.putObject("author").put("identifier", assessment.submittedBy().subject());
        audit.recordRead(AssessmentAccess.entry("EXPORT", assessment));
        return response;
    }
}
