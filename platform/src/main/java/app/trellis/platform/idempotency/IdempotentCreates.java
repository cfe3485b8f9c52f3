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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creates: the same key and body replays the first response; the same key
 * with another body (or another endpoint) is 422. The key row is written in the transaction of the
 * create itself, so a create that rolls back leaves no key behind, and a committed one always has it.
 * Keys are per tenant and per caller, so two partners can never collide or read each other's replies.
 *
 * <p>A replay shows what the create made (a client's name, birth date, SSN last 4...), so it is a read: it
 * answers only after the resource's {@link ReplayAccess} check, which goes through the same use case as the
 * resource's GET (visibility, then an audit READ record). A caller who no longer sees the thing gets that
 * GET's answer (404), not the stored copy. The replay then sends the stored response, not the current
 * representation: a retry is a client reconciling a response it lost, and must see exactly what the first
 * attempt answered (status, Location, ETag, body), whatever changed since.
 *
 * <p>The request is remembered as a keyed hash ({@code k1:} + base64url HMAC-SHA256 under the index key,
 * bound to tenant, caller and key), never as a plain digest of a body that holds SSNs and birth dates.
 * Rows written before that change (64 hex characters, plain SHA-256) live at most the retention period
 * (48 h); until they are pruned they are still compared in their own format, so a retry of such a create
 * replays instead of creating twice.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String KEYED = "k1:";
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
     * What a replay must pass first: the visibility check and audit record of a GET of what the create made.
     * Throws the GET's problem (404) when the caller may not see it now.
     */
    @FunctionalInterface
    public interface ReplayAccess {
        /** {@code createdId}: the last path segment of the stored Location (null if the create answered none). */
        void check(String createdId);
    }

    /**
     * Runs {@code create} at most once per key; {@code request} is the parsed body that the key guards. The
     * key's row is one insert in the create's own transaction. A request that loses a race for the key (or
     * fails because the winner already created the thing) answers with the winner's response. Every replay
     * first passes {@code replayAccess}.
     */
    public Response run(String key, Object request, Supplier<Response> create, ReplayAccess replayAccess) {
        if (key == null) {
            return create.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(HEADER, "must be 1 to 128 visible ASCII characters");
        }
        String tenant = caller.tenant();
        String principal = caller.subject();
        String canonical = canonical(request);
        String hash = fingerprint(canonical, tenant, principal, key);
        Optional<IdempotencyStore.Stored> first = store.find(tenant, principal, key);
        if (first.isPresent()) {
            return replay(first.get(), canonical, hash, context(tenant, key), replayAccess);
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
                return replay(winner.get(), canonical, hash, context(tenant, key), replayAccess);
            }
            throw e;
        }
    }

    private static String context(String tenant, String key) {
        return "idempotency|" + tenant + "|" + key;
    }

    private Response replay(IdempotencyStore.Stored first, String canonical, String hash, String context,
                            ReplayAccess replayAccess) {
        String stored = first.requestHash();
        boolean same = stored.startsWith(KEYED) ? stored.equals(hash) : stored.equals(legacyDigest(canonical));
        if (!same) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request");
        }
        replayAccess.check(createdId(first.location()));
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

    private String canonical(Object request) {
        return http.request().method().name() + " " + http.normalizedPath() + "\n" + serialize(request);
    }

    /** Keyed, and bound to tenant, caller and key: equal bodies of two callers never hash alike. Fits CHAR(64). */
    private String fingerprint(String canonical, String tenant, String principal, String key) {
        String hex = cipher.blindIndex(canonical, "idempotency-request|" + tenant + "|" + principal + "|" + key);
        return KEYED + Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(hex));
    }

    /** Only to compare rows stored before keyed hashes (pruned within the retention period); never stored. */
    private static String legacyDigest(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String createdId(String location) {
        if (location == null) {
            return null;
        }
        String path = URI.create(location).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
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
