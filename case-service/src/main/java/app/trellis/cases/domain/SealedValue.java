package app.trellis.cases.domain;

/** A sensitive value as stored: its ciphertext and its blind index, never the value itself. */
public record SealedValue(String ciphertext, String index) {

    @Override
    public String toString() {
        return "SealedValue[redacted]";
    }
}
