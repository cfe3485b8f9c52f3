package app.trellis.cases.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The lifecycle of a case: referred → open ⇄ on hold → closed, and a closed case may be reopened. */
public enum CaseStatus {
    REFERRED, OPEN, ON_HOLD, CLOSED;

    /** The status as the API and the events spell it: {@code referred}, {@code open}, {@code on-hold}, {@code closed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The statuses this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case REFERRED -> EnumSet.of(OPEN, CLOSED);
            case OPEN -> EnumSet.of(ON_HOLD, CLOSED);
            case ON_HOLD -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.of(OPEN);
        };
    }
}
