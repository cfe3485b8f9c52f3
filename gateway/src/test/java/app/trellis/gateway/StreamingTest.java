package app.trellis.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * 100 MB each way through a gateway whose test JVM has a 192 MB heap (see the pom): were a body held
 * in memory, even once, these would fail with an OutOfMemoryError.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class StreamingTest {

    private static final long HUNDRED_MB = 100_000_000L;
    private final String nora = TestTokens.user("north", "nora", "case-manager");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aHundredMegabyteChunkedUploadStreamsThrough() throws Exception {
        HttpResponse<String> response = http.send(upload(HttpRequest.BodyPublishers.ofInputStream(() -> new Bytes(HUNDRED_MB))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body(), response.statusCode(), equalTo(201));
        JsonObject echo = new JsonObject(response.body());
        assertThat(echo.getLong("size"), equalTo(HUNDRED_MB));
        assertThat(echo.getLong("crc"), equalTo(Bytes.crc(HUNDRED_MB)));
    }

    @Test
    void aHundredMegabyteUploadWithItsLengthStreamsThrough() throws Exception {
        var body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new Bytes(HUNDRED_MB)), HUNDRED_MB);
        HttpResponse<String> response = http.send(upload(body), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body(), response.statusCode(), equalTo(201));
        assertThat(new JsonObject(response.body()).getLong("size"), equalTo(HUNDRED_MB));
    }

    @Test
    void aHundredMegabyteDownloadStreamsThrough() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/documents/d-1/download/" + HUNDRED_MB))
                .header("Authorization", "Bearer " + nora).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode(), equalTo(200));
        long total = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        }
        assertThat(total, equalTo(HUNDRED_MB));
    }

    @Test
    void anHttp2BodyWithoutContentLengthReachesTheService() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            var client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            Buffer piece = Buffer.buffer(new byte[64 * 1024]);
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(gateway.getHost())
                    .setPort(gateway.getPort()).setURI("/api/v1/documents").putHeader("Authorization", "Bearer " + nora)
                    .putHeader("Content-Type", "application/octet-stream");
            JsonObject answer = client.request(options).compose(request -> {
                assertThat(request.version(), equalTo(HttpVersion.HTTP_2));
                request.setChunked(true);
                request.write(piece);
                request.write(piece);
                request.end(piece);
                // Status and body read together, before the stream can end unread.
                return request.response().compose(response -> response.body()
                        .map(body -> new JsonObject().put("status", response.statusCode()).put("body", body.toString())));
            }).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(answer.encode(), answer.getInteger("status"), equalTo(201));
            assertThat(new JsonObject(answer.getString("body")).getLong("size"), equalTo(3L * piece.length()));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private HttpRequest upload(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(gateway + "api/v1/documents"))
                .header("Authorization", "Bearer " + nora).header("Content-Type", "application/octet-stream")
                .POST(body).build();
    }

    /** {@code length} bytes made up on the fly: the test holds no more of the body than the gateway should. */
    static final class Bytes extends InputStream {
        private final long length;
        private long position;

        Bytes(long length) {
            this.length = length;
        }

        static long crc(long length) {
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[64 * 1024];
            Bytes bytes = new Bytes(length);
            for (int n = bytes.read(buffer, 0, buffer.length); n >= 0; n = bytes.read(buffer, 0, buffer.length)) {
                crc.update(buffer, 0, n);
            }
            return crc.getValue();
        }

        @Override
        public int read() {
            return position < length ? (int) (position++ % 251) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((position + i) % 251);
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
