package app.trellis.document.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only when the document bucket answers: without it no document can be stored or read. */
@Readiness
@ApplicationScoped
public class S3ReadinessCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    S3Client s3;
    @Inject
    DocumentsConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("s3").withData("bucket", config.bucket());
        try {
            s3.headBucket(b -> b.bucket(config.bucket())
                    .overrideConfiguration(AwsRequestOverrideConfiguration.builder().apiCallTimeout(TIMEOUT).build()));
            return health.up().build();
        } catch (RuntimeException e) {
            return health.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
