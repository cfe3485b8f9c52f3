package app.trellis.gateway.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Headers every answer of the front door carries, set when the head is written so a service cannot drop
 * them. What the gateway serves itself (problems, the API document) gets a Content-Security-Policy that
 * allows nothing; the Swagger UI page gets the least it needs.
 */
@Singleton
public class SecurityHeaders {

    static final String NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The bundled Swagger UI page starts itself with an inline script and inline styles. */
    static final String DOCS_UI = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            var response = rc.response();
            boolean docsUi = rc.normalizedPath().startsWith(ApiDocs.PATH) && !rc.normalizedPath().endsWith(".json");
            response.headersEndHandler(v -> {
                response.headers().set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                response.headers().set("X-Content-Type-Options", "nosniff");
                response.headers().set("Referrer-Policy", "no-referrer");
                if (docsUi) {
                    response.headers().set("Content-Security-Policy", DOCS_UI);
                } else if (!response.headers().contains("Content-Security-Policy")) {
                    response.headers().set("Content-Security-Policy", NOTHING);
                }
            });
            rc.next();
        }, 900);
    }
}
