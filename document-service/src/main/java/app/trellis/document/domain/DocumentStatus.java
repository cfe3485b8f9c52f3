package app.trellis.document.domain;

import java.util.Locale;

/** Active documents are listed; deleted ones are hidden but keep their bytes; purged ones lost their bytes. */
public enum DocumentStatus {
    ACTIVE, DELETED, PURGED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
