package app.trellis.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

@ConfigMapping(prefix = "trellis.reports")
public interface ReportsConfig {

    /** Assessment flags the safety follow-up report looks for. */
    @WithDefault("safety-risk")
    Set<String> safetyFlags();

    /** Note types that count as contact with the client (not collateral contacts or addenda). */
    @WithDefault("contact,visit,phone")
    Set<String> contactNoteTypes();

    /** Days a safety flag may wait for a contact note, when the request does not say. */
    @WithDefault("2")
    int followUpDays();

    /** How far ahead the expiring-consents report looks, in days, when the request gives no end date. */
    @WithDefault("30")
    int consentHorizonDays();
}
