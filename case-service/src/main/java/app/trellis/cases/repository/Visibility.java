package app.trellis.cases.repository;

import java.time.LocalDate;

/**
 * What a restricted caller may see. A case manager: clients and cases they or their team work. A partner
 * system: the clients (and their cases) that have a data-sharing consent naming that partner in force
 * today, nothing else, whatever scopes the partner holds.
 *
 * @param user    the case manager's user name (null for a partner)
 * @param team    the case manager's team, if any
 * @param partner the partner's OAuth client id (null for a case manager)
 * @param today   the day consents must be in force on (partners only)
 */
public record Visibility(String user, String team, String partner, LocalDate today) {

    public static Visibility caseworker(String user, String team) {
        return new Visibility(user, team, null, null);
    }

    public static Visibility partner(String partner, LocalDate today) {
        return new Visibility(null, null, partner, today);
    }

    public boolean forPartner() {
        return partner != null;
    }

    /** The team to compare with; never matches a null team column. */
    public String teamOrNone() {
        return team == null ? "" : team;
    }
}
