package app.trellis.assessment.event;

import app.trellis.assessment.domain.Occurrence;
import app.trellis.assessment.repository.OccurrenceRepository;
import app.trellis.platform.contracts.AssessmentDueV1;
import app.trellis.platform.contracts.AssessmentOverdueV1;
import app.trellis.platform.event.OutboxWriter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Raises {@code assessment.due} when an expected assessment's window opens and {@code assessment.overdue} the day
 * after its due date, each once per occurrence and in that order, while nothing was submitted and the case is open.
 */
@ApplicationScoped
public class ScheduleAnnouncer {

    /** The aggregate of both events: one expected assessment, so due is sequence 1 and overdue 2. */
    public static final String AGGREGATE = "assessment-occurrence";
    private static final int BATCH = 500;

    @Inject
    OccurrenceRepository occurrences;
    @Inject
    OutboxWriter events;
    @Inject
    Clock clock;

    @Scheduled(every = "${trellis.schedule.check:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        announce();
    }

    /**
     * Returns how many events were raised (at most a batch of each kind per call). Safe on every instance at once:
     * each claims its own occurrences (see {@link OccurrenceRepository#claimAnnouncements}).
     */
    @Transactional
    public int announce() {
        Instant now = clock.instant();
        OccurrenceRepository.Claimed claimed = occurrences.claimAnnouncements(LocalDate.ofInstant(now, ZoneOffset.UTC),
                now, BATCH);
        for (Occurrence o : claimed.due()) {
            events.append(AGGREGATE, o.id().toString(), o.tenantId(), AssessmentDueV1.TYPE, new AssessmentDueV1(o.id(),
                    o.ruleId(), o.caseId(), o.clientId(), o.instrumentId(), o.dates().windowOpens(), o.dates().dueDate()));
        }
        for (Occurrence o : claimed.overdue()) {
            events.append(AGGREGATE, o.id().toString(), o.tenantId(), AssessmentOverdueV1.TYPE,
                    new AssessmentOverdueV1(o.id(), o.ruleId(), o.caseId(), o.clientId(), o.instrumentId(),
                            o.dates().windowOpens(), o.dates().dueDate()));
        }
        return claimed.due().size() + claimed.overdue().size();
    }
}
