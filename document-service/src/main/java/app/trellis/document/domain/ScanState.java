package app.trellis.document.domain;

import java.util.Locale;

/** A version's malware scan: new content waits in quarantine until a scanner calls it clean or infected. */
public enum ScanState {
    PENDING_SCAN, CLEAN, INFECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ScanState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
