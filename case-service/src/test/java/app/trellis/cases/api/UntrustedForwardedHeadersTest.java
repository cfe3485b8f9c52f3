package app.trellis.cases.api;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same request as in {@link ForwardedHeadersTest}, from an address that is not a trusted proxy. */
@QuarkusTest
@TestProfile(UntrustedForwardedHeadersTest.OnlyAProxyElsewhereIsTrusted.class)
class UntrustedForwardedHeadersTest {

    @Test
    void fromAnyoneElseTheForwardedHeadersAreIgnored() {
        ForwardedHeadersTest.createProgram().then().statusCode(201)
                .header("Location", not(startsWith("https://" + ForwardedHeadersTest.FORWARDED_HOST)))
                .header("Location", startsWith("http://localhost:"));
    }

    public static class OnlyAProxyElsewhereIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "10.99.0.0/16");
        }
    }
}
