package app.trellis.gateway.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessLineTest {

    private static final long AT = Instant.parse("2026-12-03T13:45:01.007Z").toEpochMilli();

    @Test
    void aTextLineHasTimeRequestIdRequestStatusBytesAndMilliseconds() {
        String line = new AccessLine(false).line(AT, "req-12345678", "GET", "/api/v1/programs", "HTTP/1.1", 200, 1234, 7_450);
        assertThat(line, equalTo("2026-12-03T13:45:01.007 access [req=req-12345678] \"GET /api/v1/programs HTTP/1.1\" 200 1234 7.4 ms\n"));
    }

    @Test
    void aJsonLineIsOneParsableObject() throws Exception {
        String line = new AccessLine(true).line(AT + 1000, "req-12345678", "POST", "/api/v1/cases/\"x\\y", "HTTP/2.0",
                503, 0, 30_012_345);
        assertThat(line, endsWith("}\n"));
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("timestamp").asText(), equalTo("2026-12-03T13:45:02.007Z"));
        assertThat(json.get("path").asText(), equalTo("/api/v1/cases/%22x%5cy"));
        assertThat(json.get("status").asInt(), equalTo(503));
        assertThat(json.get("ms").asDouble(), equalTo(30012.3));
        assertThat(json.get("requestId").asText(), equalTo("req-12345678"));
    }

    @Test
    void aPathCannotStartALineOfItsOwnAndALongOneIsCut() {
        String forged = "/api/v1/x\n2026-12-03T00:00:00.000 access [req=forged] \"GET /admin HTTP/1.1\" 200";
        String line = new AccessLine(false).line(AT, "r-12345678", "GET", forged, "HTTP/1.1", 404, 0, 10);
        assertThat(line.indexOf('\n'), equalTo(line.length() - 1));
        assertThat(line, containsString("/api/v1/x%0a2026"));
        String longPath = "/api/v1/" + "a".repeat(5000);
        assertThat(new AccessLine(false).line(AT, "r-12345678", "GET", longPath, "HTTP/1.1", 404, 0, 10).length(),
                not(equalTo(longPath.length())));
        assertThat(new AccessLine(false).line(AT, "r-12345678", "GET", longPath, "HTTP/1.1", 404, 0, 10),
                containsString("aaa... HTTP/1.1"));
    }
}
