package app.trellis.reporting.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/subscriptions}.
 *
 * @param types        event types to deliver; all the subscriber receives when absent or empty
 * @param queue        the subscriber's own queue, {@code trellis-feed-<client id>} or with a {@code -suffix}; its
 *                     dead-letter queue is the same name with {@code -dlq}
 * @param deidentified pseudonyms in place of ids; a subscriber configured as de-identified cannot ask for less
 * @param after        the feed position to start after (0: the whole feed from the beginning, the default)
 */
public record SubscriptionRequest(@Size(max = 50) List<String> types, @NotBlank @Size(max = 80) String queue,
                                  Boolean deidentified, @PositiveOrZero Long after) {
}
