package app.trellis.platform.idempotency;

import app.trellis.platform.crypto.FieldCipher;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creates: the same key and body replays the first response; the same key
 * with another body (or another endpoint) is 422. The key row is written in the transaction of the
 * create itself, so a create that rolls back leaves no key behind, and a committed one always has it.
 * Keys are per tenant and per caller, so two partners can never collide or read each other's replies.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

    @Inject
    IdempotencyStore store;
    @Inject
    Caller caller;
    @Inject
    RoutingContext http;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    FieldCipher cipher;

    /** Runs {@code create} at most once per key; {@code request} is the parsed body that the key guards. */
    @Transactional
    public Response run(String key, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(HEADER, "must be 1 to 128 visible ASCII characters");
        }
        String tenant = caller.tenant();
        String principal = caller.subject();
        String hash = fingerprint(request);
        if (!store.claim(tenant, principal, key, hash, clock.instant())) {
            return replay(store.lockAndRead(tenant, principal, key), hash, context(tenant, key));
        }
        Response response = create.get();
        String body = serialize(response.getEntity());
        // The first response may show PHI; it is kept for replay only encrypted, bound to tenant and key.
        store.complete(tenant, principal, key, response.getStatus(), header(response, HttpHeaders.LOCATION),
                header(response, HttpHeaders.ETAG), body == null ? null : cipher.encrypt(body, context(tenant, key)));
        return response;
    }

    private static String context(String tenant, String key) {
        return "idempotency|" + tenant + "|" + key;
    }

    private Response replay(Optional<IdempotencyStore.Stored> stored, String hash, String context) {
        IdempotencyStore.Stored first = stored.orElseThrow(() -> new ProblemException(409, "idempotency-in-progress",
                "Request in progress", "A request with this Idempotency-Key is still being processed; retry shortly"));
        if (!first.requestHash().equals(hash)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request");
        }
        Response.ResponseBuilder replay = Response.status(first.status()).header(REPLAYED_HEADER, "true");
        if (first.location() != null) {
            replay.header(HttpHeaders.LOCATION, first.location());
        }
        if (first.etag() != null) {
            replay.header(HttpHeaders.ETAG, first.etag());
        }
        if (first.body() != null) {
            replay.entity(cipher.decrypt(first.body(), context)).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replay.build();
    }

    private String fingerprint(Object request) {
        String canonical = http.request().method().name() + " " + http.normalizedPath() + "\n" + serialize(request);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serialize(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response is not serializable", e);
        }
    }

    private static String header(Response response, String name) {
        Object value = response.getHeaders().getFirst(name);
        return value == null ? null : value.toString();
    }
}
