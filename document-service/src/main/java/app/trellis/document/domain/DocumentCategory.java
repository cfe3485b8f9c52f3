package app.trellis.document.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a document is, as the API and events name it; drives lists and reports, never access. */
public enum DocumentCategory {
    CONSENT_FORM, IDENTIFICATION, ASSESSMENT_ATTACHMENT, CORRESPONDENCE, OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<DocumentCategory> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(value)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(DocumentCategory::wire).toList());
    }
}
