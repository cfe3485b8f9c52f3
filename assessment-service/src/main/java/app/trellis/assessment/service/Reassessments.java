package app.trellis.assessment.service;

import app.trellis.assessment.domain.Assessment;
import app.trellis.assessment.domain.Occurrence;
import app.trellis.assessment.domain.OccurrenceDates;
import app.trellis.assessment.domain.ScheduleRule;
import app.trellis.assessment.repository.OccurrenceRepository;
import app.trellis.assessment.repository.OccurrenceRepository.DueFilter;
import app.trellis.assessment.repository.ScheduleRuleRepository;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Expected assessments as the people who take them see them: a submission satisfies what its case expected of
 * the instrument and schedules the next round; the due list shows what is due and overdue in the cases the
 * caller sees.
 */
@ApplicationScoped
public class Reassessments {

    @Inject
    OccurrenceRepository occurrences;
    @Inject
    ScheduleRuleRepository rules;
    @Inject
    AssessmentAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * In the submitting transaction: the first submission of the instrument in the case (an amendment is a
     * correction, not another assessment) satisfies each occurrence its case still expected of it, due or not
     * yet, and expects the next round {@code repeatEveryDays} after today. The pending rows are locked, so two
     * submissions at once satisfy a round once and schedule the next once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(Assessment assessment) {
        if (assessment.revisionOf() != null) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (OccurrenceRepository.Expected expected : occurrences.pendingFor(assessment.tenantId(),
                assessment.caseId(), assessment.instrumentId())) {
            occurrences.satisfy(expected.id(), assessment.id(), now);
            ScheduleRule rule = rules.findById(expected.ruleId());
            rule.next(today).ifPresent(dates -> occurrences.expect(rule, assessment.caseId(), assessment.clientId(),
                    expected.round() + 1, dates, now));
        }
    }

    /** An occurrence on the due list and where it stands today. */
    public record Due(Occurrence occurrence, OccurrenceDates.Phase phase) {
    }

    /**
     * What is due ({@code overdue} false), overdue (true) or both (null) today in the cases the caller sees,
     * optionally only the cases assigned to {@code assignee}; by due date. Each item names a client, so each is
     * audited as a SEARCH, and the page is answered once the records are durable.
     */
    public Page<Due> due(String assignee, Boolean overdue, PageRequest page) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        DueFilter filter = new DueFilter(caller.tenant(), today, overdue, assignee, access.copyFilter(access.viewer()));
        Page<Occurrence> found = page.toPage(occurrences.due(filter, page),
                o -> Cursor.of(o.dates().dueDate().toString(), o.id().toString()));
        audit.recordReads(found.items().stream().map(o -> new AuditEntry("SEARCH", "assessment-occurrence",
                o.id().toString(), o.clientId().toString(), null)).toList());
        return found.map(o -> new Due(o, o.dates().phase(today)));
    }
}
