package app.trellis.platform.health;

import app.trellis.platform.config.MessagingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;

/**
 * Ready only when SQS answers and this service's own queue exists: a service that cannot publish
 * or consume should not receive traffic. Short timeout: a health probe must never hang.
 */
@Readiness
@ApplicationScoped
public class SqsReadinessCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    SqsClient sqs;
    @Inject
    MessagingConfig messaging;

    @Override
    public HealthCheckResponse call() {
        String queue = messaging.qualified(messaging.consumerQueue());
        HealthCheckResponseBuilder health = HealthCheckResponse.named("sqs").withData("queue", queue);
        try {
            sqs.getQueueUrl(GetQueueUrlRequest.builder().queueName(queue)
                    .overrideConfiguration(AwsRequestOverrideConfiguration.builder().apiCallTimeout(TIMEOUT).build())
                    .build());
            return health.up().build();
        } catch (RuntimeException e) {
            return health.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
