package app.trellis.assessment.domain;

import java.time.LocalDate;

/**
 * When one expected assessment counts as due: from {@code windowOpens} through {@code dueDate}; from the day
 * after the due date it is overdue. Dates are UTC days.
 */
public record OccurrenceDates(LocalDate windowOpens, LocalDate dueDate) {

    /** Where an occurrence still expected stands on {@code today}. */
    public enum Phase { UPCOMING, DUE, OVERDUE }

    public OccurrenceDates {
        if (windowOpens.isAfter(dueDate)) {
            throw new IllegalArgumentException("the window opens on or before the due date");
        }
    }

    /** Due {@code days} after {@code anchor}, counting as due {@code windowDays} before that, never before the anchor. */
    static OccurrenceDates after(LocalDate anchor, int days, int windowDays) {
        LocalDate due = anchor.plusDays(days);
        LocalDate opens = due.minusDays(windowDays);
        return new OccurrenceDates(opens.isBefore(anchor) ? anchor : opens, due);
    }

    public Phase phase(LocalDate today) {
        if (today.isBefore(windowOpens)) {
            return Phase.UPCOMING;
        }
        return today.isAfter(dueDate) ? Phase.OVERDUE : Phase.DUE;
    }
}
