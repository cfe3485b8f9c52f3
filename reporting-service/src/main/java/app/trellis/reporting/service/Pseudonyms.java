package app.trellis.reporting.service;

import app.trellis.reporting.config.FeedConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms for de-identified subscribers: a keyed hash (HMAC-SHA256) of the subscriber and the real id, shaped
 * as a UUID. Stable per subscriber (the same client is the same pseudonym in every event and every read, so a
 * warehouse can still count and join), different between subscribers (two cannot pool what they hold), and not
 * reversible without the key, which never leaves this service.
 */
@ApplicationScoped
@Startup
public class Pseudonyms {

    private static final int MIN_KEY_LENGTH = 32;

    @Inject
    FeedConfig config;

    private SecretKeySpec key;

    /** Fails the start when a de-identified subscriber is configured and the key is missing or short. */
    @PostConstruct
    void loadKey() {
        String configured = config.pseudonymKey().orElse("");
        boolean needed = config.subscribers().values().stream().anyMatch(FeedConfig.Subscriber::deidentified);
        if (configured.length() < MIN_KEY_LENGTH) {
            if (needed) {
                throw new IllegalStateException("trellis.feed.pseudonym-key (TRELLIS_FEED_PSEUDONYM_KEY) must be at least "
                        + MIN_KEY_LENGTH + " characters when a de-identified subscriber is configured");
            }
            return;
        }
        key = new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The pseudonym of {@code id} for {@code subscriber}. */
    public String of(String subscriber, String id) {
        if (key == null) {
            throw new IllegalStateException("no pseudonym key configured");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(subscriber.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0x1f);
            ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
            // Version 8 (custom) and the RFC 4122 variant: a valid UUID that says it is no real id.
            long high = (digest.getLong() & ~0xF000L) | 0x8000L;
            long low = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyed hash failed", e);
        }
    }
}
