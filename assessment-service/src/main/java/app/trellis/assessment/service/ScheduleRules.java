package app.trellis.assessment.service;

import app.trellis.assessment.domain.ScheduleRule;
import app.trellis.assessment.repository.InstrumentRepository;
import app.trellis.assessment.repository.OccurrenceRepository;
import app.trellis.assessment.repository.ScheduleRuleRepository;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.jdbc.UniqueKeys;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's reassessment schedules. A new (or reactivated) rule applies to the program's cases already open,
 * counting from that day; retiring one cancels what it still expected. Rules hold no PHI, so they are not audited.
 */
@ApplicationScoped
public class ScheduleRules {

    @Inject
    ScheduleRuleRepository rules;
    @Inject
    InstrumentRepository instruments;
    @Inject
    OccurrenceRepository occurrences;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @Transactional
    public ScheduleRule define(String program, UUID instrumentId, ScheduleRule.Timing timing) {
        String tenant = caller.tenant();
        instruments.visible(tenant, instrumentId).orElseThrow(() -> ProblemException.badRequest(
                "instrumentId", "is not an instrument of this tenant or the shared library"));
        Instant now = clock.instant();
        ScheduleRule rule = ScheduleRule.define(tenant, program, instrumentId, timing, caller.person(), now);
        rules.persist(rule);
        UniqueKeys.flushOrConflict(rules.getEntityManager(), "uk_schedule_rule_program_instrument", "schedule-exists",
                "The program already has a schedule for this instrument; change or reactivate that one");
        applyToOpenCases(rule, now);
        return rule;
    }

    /** {@code ifMatch} is the caller's ETag: missing is 428, stale (or a concurrent writer first) 412. */
    @Transactional
    public ScheduleRule revise(UUID id, String ifMatch, ScheduleRule.Timing timing, boolean active) {
        ScheduleRule rule = rule(id);
        ETags.requireMatch(ifMatch, rule.version());
        Instant now = clock.instant();
        boolean reactivated = rule.revise(timing, active, now);
        rules.flush();
        if (!active) {
            occurrences.cancelPendingOf(rule.id(), now);
        } else if (reactivated) {
            applyToOpenCases(rule, now);
        }
        return rule;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScheduleRule rule(UUID id) {
        return rules.findInTenant(caller.tenant(), id).orElseThrow(() -> ProblemException.notFound("Schedule"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScheduleRule> rules(String program, PageRequest page) {
        return page.toPage(rules.page(caller.tenant(), program, page), r -> Cursor.of(r.program(), r.id().toString()));
    }

    private void applyToOpenCases(ScheduleRule rule, Instant now) {
        for (OccurrenceRepository.OpenCase open : occurrences.openCasesWithoutPending(rule)) {
            occurrences.expect(rule, open.caseId(), open.clientId(), open.lastRound() + 1, rule.first(open.openedOn()),
                    now);
        }
    }
}
