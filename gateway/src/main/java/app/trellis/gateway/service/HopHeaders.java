package app.trellis.gateway.service;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Headers that belong to one connection, not to the message (RFC 9110 7.6.1), and the forwarding headers,
 * which only the gateway may write: a caller must not choose the address, scheme or host a service sees.
 */
final class HopHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private HopHeaders() {
    }

    /** Removes the hop-by-hop headers and every header the {@code Connection} header names. */
    static void strip(MultiMap headers) {
        for (String listed : headers.getAll("connection")) {
            for (String name : listed.split(",")) {
                if (!name.isBlank()) {
                    headers.remove(name.trim());
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }

    /** Replaces whatever forwarding headers the caller sent with the gateway's own account of the request. */
    static void forward(MultiMap headers, HttpServerRequest request) {
        List<String> spoofable = new ArrayList<>();
        for (var header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("forwarded") || name.startsWith("x-forwarded-") || name.equals("x-real-ip")) {
                spoofable.add(header.getKey());
            }
        }
        spoofable.forEach(headers::remove);
        if (request.remoteAddress() != null) {
            headers.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().host());
            if (request.authority().port() > 0) {
                headers.set("X-Forwarded-Port", Integer.toString(request.authority().port()));
            }
        }
    }
}
