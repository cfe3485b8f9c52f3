package app.trellis.assessment.service;

import app.trellis.assessment.domain.Assessment;
import app.trellis.assessment.event.CaseAccessRecorder;
import app.trellis.assessment.repository.AssessmentRepository;
import app.trellis.platform.access.Condition;
import app.trellis.platform.access.Viewer;
import app.trellis.platform.access.Viewers;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.crypto.FieldCipher;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see an assessment follows its case: the platform's access rule over this service's copy of case
 * access. An assessment of a case the caller does not see is 404, as if it did not exist. Also the one place
 * that seals and opens answers, so the encryption context cannot differ between writing and reading.
 */
@ApplicationScoped
public class AssessmentAccess {

    @Inject
    AssessmentRepository assessments;
    @Inject
    CaseAccessRecorder copy;
    @Inject
    Viewers viewers;
    @Inject
    Caller caller;
    @Inject
    FieldCipher cipher;
    @Inject
    ObjectMapper json;

    public Viewer viewer() {
        return viewers.current();
    }

    /** The access rule as a condition over {@code case_access a}; empty for the whole tenant. */
    public Optional<Condition> copyFilter(Viewer viewer) {
        return copy.filter(viewer);
    }

    /**
     * The assessment, if the caller sees its case; 404 otherwise. The rule is applied in SQL (the same condition
     * that limits lists), so the row and the check cost one round trip on every read and write by id.
     */
    public Assessment seen(UUID id) {
        return assessments.findSeen(caller.tenant(), id, copyFilter(viewer()))
                .orElseThrow(() -> ProblemException.notFound("Assessment"));
    }

    /** 404 naming {@code what} unless the caller sees the case. */
    public void requireCase(UUID caseId, String what) {
        if (!copy.sees(viewer(), caseId)) {
            throw ProblemException.notFound(what);
        }
    }

    public String seal(Assessment assessment, JsonNode answers) {
        return answers == null ? null : cipher.encrypt(answers.toString(), assessment.answersContext());
    }

    /** The stored answers (an empty object for a draft not yet answered). */
    public JsonNode open(Assessment assessment) {
        String text = cipher.decrypt(assessment.sealedAnswers(), assessment.answersContext());
        try {
            return text == null ? json.createObjectNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers of an assessment are not JSON");
        }
    }

    public static AuditEntry entry(String action, Assessment assessment) {
        return new AuditEntry(action, "assessment", assessment.id().toString(), assessment.clientId().toString(), null);
    }
}
