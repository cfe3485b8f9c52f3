package app.trellis.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/** A test's handle on one of the {@link EchoUpstreams}: how many requests reached it, and its failure switch. */
final class Upstream {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String service;

    private Upstream(String service) {
        this.service = service;
    }

    static Upstream of(String service) {
        return new Upstream(service);
    }

    long served() {
        return Long.parseLong(control("count"));
    }

    void fail() {
        control("fail");
    }

    void recover() {
        control("recover");
    }

    private String control(String action) {
        String url = ConfigProvider.getConfig().getValue("trellis.gateway.routes." + service + ".url", String.class);
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/control/" + action)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
