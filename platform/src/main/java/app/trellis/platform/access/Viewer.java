package app.trellis.platform.access;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who is looking, as far as the access rule cares, read only from the verified token: a supervisor sees
 * the whole tenant; a case manager is a person (the token's {@code sub}, never the user name, which can be
 * renamed or reused) with an optional team; a partner system is its OAuth client id and the day its
 * clients' consents must be in force on.
 */
public record Viewer(String tenant, Kind kind, String subject, String team, String partner, LocalDate today) {

    public enum Kind { WHOLE_TENANT, CASEWORKER, PARTNER }

    public Viewer {
        Objects.requireNonNull(tenant, "access is always within one tenant");
        Objects.requireNonNull(kind);
        if (kind == Kind.CASEWORKER) {
            Objects.requireNonNull(subject, "a case manager is known by the token's subject");
        }
        if (kind == Kind.PARTNER) {
            Objects.requireNonNull(partner, "a partner is known by its client id");
            Objects.requireNonNull(today, "a partner's consents are checked on a day");
        }
    }

    public static Viewer wholeTenant(String tenant, String subject) {
        return new Viewer(tenant, Kind.WHOLE_TENANT, subject, null, null, null);
    }

    public static Viewer caseworker(String tenant, String subject, String team) {
        return new Viewer(tenant, Kind.CASEWORKER, subject, team == null || team.isBlank() ? null : team, null, null);
    }

    public static Viewer partner(String tenant, String partner, LocalDate today) {
        return new Viewer(tenant, Kind.PARTNER, null, null, partner, today);
    }

    public boolean seesWholeTenant() {
        return kind == Kind.WHOLE_TENANT;
    }

    public boolean isPartner() {
        return kind == Kind.PARTNER;
    }
}
