package app.trellis.platform.idempotency;

import app.trellis.platform.crypto.FieldCipher;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /**
     * Runs {@code create} at most once per key; {@code request} is the parsed body that the key guards. The
     * key's row is one insert in the create's own transaction. A request that loses a race for the key (or
     * fails because the winner already created the thing) answers with the winner's response.
     */
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
        Optional<IdempotencyStore.Stored> first = store.find(tenant, principal, key);
        if (first.isPresent()) {
            return replay(first.get(), hash, context(tenant, key));
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Response response = create.get();
                // Serialised once: the same text is stored (encrypted: it may show PHI) and sent.
                String body = serialize(response.getEntity());
                store.insert(tenant, principal, key, hash, response.getStatus(), header(response, HttpHeaders.LOCATION),
                        header(response, HttpHeaders.ETAG), body == null ? null : cipher.encrypt(body, context(tenant, key)),
                        clock.instant());
                return body == null ? response
                        : Response.fromResponse(response).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            });
        } catch (RuntimeException e) {
            Optional<IdempotencyStore.Stored> winner = store.find(tenant, principal, key);
            if (winner.isPresent()) {
                return replay(winner.get(), hash, context(tenant, key));
            }
            throw e;
        }
    }

    private static String context(String tenant, String key) {
        return "idempotency|" + tenant + "|" + key;
    }

    private Response replay(IdempotencyStore.Stored first, String hash, String context) {
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
