package app.trellis.assessment.service;

import app.trellis.assessment.domain.Assessment;
import app.trellis.assessment.domain.InstrumentVersion;
import app.trellis.assessment.domain.Score;
import app.trellis.assessment.domain.instrument.CompiledInstrument;
import app.trellis.assessment.domain.instrument.Evaluation;
import app.trellis.assessment.domain.instrument.ScoreResult;
import app.trellis.assessment.domain.instrument.ScoringEngine;
import app.trellis.assessment.repository.AssessmentRepository;
import app.trellis.assessment.repository.InstrumentRepository;
import app.trellis.assessment.repository.InstrumentVersionRepository;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.contracts.AssessmentAmendedV1;
import app.trellis.platform.contracts.AssessmentStartedV1;
import app.trellis.platform.contracts.AssessmentSubmittedV1;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.jdbc.UniqueKeys;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Taking an assessment: starting it on a published version (pinned from then on), saving answers as a draft,
 * submitting it (validated and scored by the server, by the pinned version's rules) and amending a submitted
 * one. Every change is audited and announced in its own transaction; a submission also satisfies what the case's
 * reassessment schedules expected of it, in the same transaction.
 */
@ApplicationScoped
public class AssessmentLifecycle {

    private static final String CLOSED = "closed";

    @Inject
    AssessmentRepository assessments;
    @Inject
    InstrumentRepository instruments;
    @Inject
    InstrumentVersionRepository versions;
    @Inject
    CompiledInstruments compiled;
    @Inject
    AssessmentAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    OutboxWriter events;
    @Inject
    Reassessments schedules;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** What starting an assessment names: the version itself, or an instrument (then its latest published version). */
    public record Start(UUID clientId, UUID caseId, UUID instrumentVersionId, UUID instrumentId) {
    }

    @Transactional
    public Assessment start(Start start) {
        String tenant = caller.tenant();
        access.requireCase(start.caseId(), "Case");
        AssessmentRepository.CaseFacts facts = assessments.caseFacts(tenant, start.caseId())
                .orElseThrow(() -> ProblemException.notFound("Case"));
        if (!facts.clientId().equals(start.clientId())) {
            throw ProblemException.badRequest("clientId", "is not the client of this case");
        }
        if (CLOSED.equals(facts.status())) {
            throw ProblemException.conflict("case-closed", "The case is closed; no new assessments start in it");
        }
        InstrumentVersion version = versionToStart(tenant, start);
        if (!version.status().acceptsNewAssessments()) {
            throw ProblemException.conflict("instrument-version-not-published",
                    "Assessments start only on a published instrument version; this one is "
                            + version.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        Assessment assessment = Assessment.start(tenant, start.clientId(), start.caseId(), version, caller.person(),
                clock.instant());
        assessments.persist(assessment);
        assessments.flush();
        audit.recordWrite(AssessmentAccess.entry("CREATE", assessment));
        events.appendAtVersion("assessment", assessment.id().toString(), assessment.version(), tenant,
                AssessmentStartedV1.TYPE,
                new AssessmentStartedV1(assessment.id(), assessment.clientId(), assessment.caseId(),
                        version.instrumentId(), version.canonical()));
        return assessment;
    }

    /** Saves a draft's answers, possibly incomplete; unknown items and answers of the wrong type are 400. */
    @Transactional
    public Assessment saveAnswers(UUID id, String ifMatch, JsonNode answers) {
        Assessment assessment = access.seen(id);
        ETags.requireMatch(ifMatch, assessment.version());
        CompiledInstrument instrument = compiled.pinned(assessment.instrumentVersionId());
        Evaluation checked = ScoringEngine.checkDraft(instrument, answers);
        checked.scoreOrThrow();
        assessment.saveAnswers(access.seal(assessment, checked.answersJson()), clock.instant());
        assessments.flush();
        audit.recordWrite(AssessmentAccess.entry("UPDATE", assessment));
        return assessment;
    }

    /**
     * Validates the answers completely (types, required items, {@code enableWhen}) and scores them by the pinned
     * version; {@code answers} null submits the saved draft. Refused answers change nothing.
     */
    @Transactional
    public Assessment submit(UUID id, String ifMatch, JsonNode answers) {
        Assessment assessment = access.seen(id);
        ETags.requireMatch(ifMatch, assessment.version());
        Evaluation evaluation = ScoringEngine.evaluate(compiled.pinned(assessment.instrumentVersionId()),
                answers == null ? access.open(assessment) : answers);
        ScoreResult score = evaluation.scoreOrThrow();
        assessment.submit(access.seal(assessment, evaluation.answersJson()), Score.of(score), score.engineVersion(),
                caller.person(), clock.instant());
        assessments.flush();
        audit.recordWrite(AssessmentAccess.entry("SUBMIT", assessment));
        schedules.submitted(assessment);
        events.appendAtVersion("assessment", assessment.id().toString(), assessment.version(),
                assessment.tenantId(), AssessmentSubmittedV1.TYPE,
                new AssessmentSubmittedV1(assessment.id(), assessment.clientId(), assessment.caseId(),
                        assessment.instrumentId(), score.instrument(), assessment.revision(), score.total(),
                        score.subscales(), score.band(), score.flags(), score.engineVersion()));
        return assessment;
    }

    /** A new draft revision of a submitted assessment, with its answers to start from; the original stays. */
    @Transactional
    public Assessment amend(UUID id) {
        Assessment original = access.seen(id);
        Instant now = clock.instant();
        Assessment amendment = original.amend(caller.person(), now);
        amendment.saveAnswers(access.seal(amendment, access.open(original)), now);
        assessments.persist(amendment);
        UniqueKeys.flushOrConflict(assessments.getEntityManager(), "uk_assessment_revision_of", "assessment-already-amended",
                "This assessment already has an amendment; amend the newest revision");
        audit.recordWrite(AssessmentAccess.entry("AMEND", amendment));
        events.appendAtVersion("assessment", amendment.id().toString(), amendment.version(),
                amendment.tenantId(), AssessmentAmendedV1.TYPE,
                new AssessmentAmendedV1(amendment.id(), original.id(), amendment.clientId(), amendment.caseId(),
                        amendment.instrumentId(), amendment.instrumentCanonical(), amendment.revision()));
        return amendment;
    }

    private InstrumentVersion versionToStart(String tenant, Start start) {
        if ((start.instrumentVersionId() == null) == (start.instrumentId() == null)) {
            throw ProblemException.badRequest("instrumentVersionId", "give either instrumentVersionId or instrumentId");
        }
        if (start.instrumentVersionId() != null) {
            return versions.visible(tenant, start.instrumentVersionId()).orElseThrow(() -> ProblemException.badRequest(
                    "instrumentVersionId", "is not an instrument version of this tenant or the shared library"));
        }
        instruments.visible(tenant, start.instrumentId()).orElseThrow(() -> ProblemException.badRequest(
                "instrumentId", "is not an instrument of this tenant or the shared library"));
        return versions.latestPublished(start.instrumentId()).orElseThrow(() -> ProblemException.conflict(
                "instrument-version-not-published", "The instrument has no published version yet"));
    }

}
