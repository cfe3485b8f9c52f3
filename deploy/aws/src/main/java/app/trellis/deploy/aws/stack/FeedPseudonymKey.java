package app.trellis.deploy.aws.stack;

import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The key reporting-service makes de-identified subscribers' pseudonyms with (TRELLIS_FEED_PSEUDONYM_KEY). Generated
 * once per environment and never rotated by a schedule: a new key gives every subscriber new pseudonyms, which
 * breaks their joins, so a rotation is a decision taken with the subscribers (see deploy/README.md).
 */
final class FeedPseudonymKey {

    static final String SECRET = "feed-pseudonym-key";
    static final String SERVICE = "reporting-service";

    private FeedPseudonymKey() {
    }

    static ISecret create(Construct scope, Foundation f) {
        return Secret.Builder.create(scope, "FeedPseudonymKey")
                .secretName(f.naming().secret(SERVICE, SECRET))
                .description(SERVICE + ": HMAC key of the external feed's pseudonymous client ids")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(64).excludePunctuation(true)
                        .includeSpace(false).build())
                .removalPolicy(f.naming().dataRemovalPolicy())
                .build();
    }
}
