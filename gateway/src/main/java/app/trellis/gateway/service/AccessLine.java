package app.trellis.gateway.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of the access log, as text or as a JSON object. Nothing of the query or the body is given to it.
 * Not thread-safe: the access log holds its lock while it formats.
 */
final class AccessLine {

    static final int MAX_PATH = 1024;
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final boolean json;
    private final StringBuilder line = new StringBuilder(256);
    private long stampSecond = Long.MIN_VALUE;
    private String stampText = "";

    AccessLine(boolean json) {
        this.json = json;
    }

    String line(long epochMillis, String requestId, String method, String path, String protocol, int status,
            long bytes, long micros) {
        line.setLength(0);
        if (json) {
            line.append("{\"timestamp\":\"");
            stamp(epochMillis);
            line.append("Z\",\"loggerName\":\"access\",\"requestId\":\"");
            plain(requestId);
            line.append("\",\"method\":\"").append(method).append("\",\"path\":\"");
            plain(path);
            line.append("\",\"protocol\":\"").append(protocol).append("\",\"status\":").append(status)
                    .append(",\"bytes\":").append(bytes).append(",\"ms\":");
            millis(micros);
            line.append("}\n");
        } else {
            stamp(epochMillis);
            line.append(" access [req=");
            plain(requestId);
            line.append("] \"").append(method).append(' ');
            plain(path);
            line.append(' ').append(protocol).append("\" ").append(status).append(' ').append(bytes).append(' ');
            millis(micros);
            line.append(" ms\n");
        }
        return line.toString();
    }

    /** To the millisecond, in UTC; the text of the second is made once per second, not once per line. */
    private void stamp(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != stampSecond) {
            stampSecond = second;
            stampText = SECOND.format(Instant.ofEpochSecond(second));
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        line.append(stampText).append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10));
    }

    private void millis(long micros) {
        line.append(micros / 1000).append('.').append((char) ('0' + micros / 100 % 10));
    }

    /**
     * Printable ASCII only, without quote or backslash (percent-escaped): a path cannot forge a line or break
     * the JSON. Long paths are cut.
     */
    private void plain(String value) {
        if (value == null) {
            line.append('-');
            return;
        }
        int end = Math.min(value.length(), MAX_PATH);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c > 0xff) {
                line.append('?');
            } else if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                line.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                line.append(c);
            }
        }
        if (value.length() > MAX_PATH) {
            line.append("...");
        }
    }
}
