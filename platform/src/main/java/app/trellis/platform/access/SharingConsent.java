package app.trellis.platform.access;

import java.time.LocalDate;

/**
 * A consent as far as access cares: its type, the partner it names, whether it is still granted and the
 * days it covers. case-service reads it from its consent table; other services from their copy of the
 * consent events.
 */
public record SharingConsent(String type, String partner, boolean granted, LocalDate effective, LocalDate expiry) {

    public static final String DATA_SHARING = "data-sharing";
    public static final String GRANTED = "granted";

    /**
     * In force on {@code day}: granted, effective, not expired (the expiry day itself still counts). A copy
     * built from events that predate the dates has no effective day: never in force (fail closed).
     */
    public boolean inForceOn(LocalDate day) {
        return granted && effective != null && !day.isBefore(effective) && (expiry == null || !day.isAfter(expiry));
    }

    /** Lets {@code partner} read the client's data on {@code day}. */
    public boolean letsPartnerRead(String partner, LocalDate day) {
        return DATA_SHARING.equals(type) && partner.equals(this.partner) && inForceOn(day);
    }
}
