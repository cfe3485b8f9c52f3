package app.trellis.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.assessment.domain.OccurrenceDates.Phase;
import app.trellis.platform.security.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dates a schedule rule gives each expected assessment, and where one stands on a given day. */
class ScheduleRuleTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");
    private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");

    private static ScheduleRule rule(int first, Integer repeat, int window) {
        return ScheduleRule.define("north", "recovery", UUID.randomUUID(), new ScheduleRule.Timing(first, repeat, window),
                new Person("sub-tess", "tess"), CREATED);
    }

    @Test
    void theFirstIsDueWithinItsDaysOfOpeningAndCountsAsDueFromTheWindow() {
        OccurrenceDates first = rule(30, 90, 14).first(LocalDate.parse("2026-03-05"));
        assertEquals(LocalDate.parse("2026-04-04"), first.dueDate());
        assertEquals(LocalDate.parse("2026-03-21"), first.windowOpens());
        assertEquals(Phase.UPCOMING, first.phase(LocalDate.parse("2026-03-20")));
        assertEquals(Phase.DUE, first.phase(LocalDate.parse("2026-03-21")));
        assertEquals(Phase.DUE, first.phase(LocalDate.parse("2026-04-04")));
        assertEquals(Phase.OVERDUE, first.phase(LocalDate.parse("2026-04-05")));
    }

    @Test
    void aWindowLongerThanTheDaysOpensOnTheDayItCountsFrom() {
        OccurrenceDates first = rule(7, null, 14).first(LocalDate.parse("2026-03-05"));
        assertEquals(LocalDate.parse("2026-03-05"), first.windowOpens());
        assertEquals(LocalDate.parse("2026-03-12"), first.dueDate());
        assertEquals(Phase.DUE, rule(0, null, 0).first(MARCH_1).phase(MARCH_1), "within 0 days: due the day it opens");
    }

    @Test
    void aCaseOpenedBeforeTheRuleExistedCountsFromTheRule() {
        assertEquals(MARCH_1.plusDays(30), rule(30, 90, 14).first(LocalDate.parse("2025-12-01")).dueDate());
    }

    @Test
    void theNextIsDueItsRepeatAfterTheSubmissionAndAOnceOnlyRuleHasNone() {
        OccurrenceDates next = rule(30, 90, 14).next(LocalDate.parse("2026-03-10")).orElseThrow();
        assertEquals(LocalDate.parse("2026-06-08"), next.dueDate());
        assertEquals(LocalDate.parse("2026-05-25"), next.windowOpens());
        assertTrue(rule(30, null, 14).next(MARCH_1).isEmpty());
    }

    @Test
    void reactivatingARetiredRuleMovesTheDayItCountsFrom() {
        ScheduleRule rule = rule(30, 90, 14);
        assertFalse(rule.revise(rule.timing(), false, CREATED.plusSeconds(86_400)));
        Instant later = Instant.parse("2026-05-01T00:00:00Z");
        assertTrue(rule.revise(new ScheduleRule.Timing(10, 60, 5), true, later));
        assertEquals(LocalDate.parse("2026-05-01"), rule.effectiveOn());
        assertEquals(LocalDate.parse("2026-05-11"), rule.first(MARCH_1).dueDate());
        assertFalse(rule.revise(rule.timing(), true, later), "already active");
    }
}
