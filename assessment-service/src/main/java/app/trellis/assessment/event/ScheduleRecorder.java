package app.trellis.assessment.event;

import app.trellis.assessment.domain.ScheduleRule;
import app.trellis.assessment.repository.OccurrenceRepository;
import app.trellis.assessment.repository.ScheduleRuleRepository;
import app.trellis.platform.contracts.CaseClosedV1;
import app.trellis.platform.contracts.CaseOpenedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Starts and stops reassessment schedules from case events: {@code case.opened} expects the first assessment of
 * every active rule of the case's program (due from the day the case opened, the event's {@code time});
 * {@code case.closed} cancels whatever the case still expected. Replays change nothing (the first round exists
 * once, by a unique key), and a closing that arrives before the opening still wins.
 */
@ApplicationScoped
public class ScheduleRecorder implements EventHandler {

    @Inject
    OccurrenceRepository occurrences;
    @Inject
    ScheduleRuleRepository rules;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Override
    public boolean handles(String type) {
        return CaseOpenedV1.TYPE.equals(type) || CaseClosedV1.TYPE.equals(type);
    }

    @Override
    public void handle(CloudEvent event) {
        LocalDate on = LocalDate.ofInstant(event.time() == null ? clock.instant() : event.time(), ZoneOffset.UTC);
        if (CaseClosedV1.TYPE.equals(event.type())) {
            CaseClosedV1 closed = event.dataAs(json, CaseClosedV1.class);
            occurrences.caseClosed(event.tenantid(), closed.caseId(), closed.clientId(), closed.program(), on,
                    clock.instant());
            return;
        }
        CaseOpenedV1 opened = event.dataAs(json, CaseOpenedV1.class);
        if (!occurrences.caseOpened(event.tenantid(), opened.caseId(), opened.clientId(), opened.program(), on,
                clock.instant())) {
            return;
        }
        for (ScheduleRule rule : rules.activeFor(event.tenantid(), opened.program())) {
            occurrences.expect(rule, opened.caseId(), opened.clientId(), 1, rule.first(on), clock.instant());
        }
    }
}
