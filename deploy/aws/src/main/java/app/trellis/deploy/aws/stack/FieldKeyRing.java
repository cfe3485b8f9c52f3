package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.TrellisService;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * A service's field-encryption key ring: the {@code trellis.crypto.*} properties with its data keys wrapped by
 * the environment's field-encryption KMS key (made and rotated as deploy/README.md shows). The stack makes the
 * secret with a random placeholder, which no service accepts: a service starts only once an operator has put
 * the real ring in (fail closed). The container writes it to a file and points Quarkus at it.
 */
final class FieldKeyRing {

    static final String SECRET = "field-keys";

    private FieldKeyRing() {
    }

    static ISecret create(Construct scope, TrellisService service, Foundation f) {
        return Secret.Builder.create(scope, "FieldKeys")
                .secretName(f.naming().secret(service.name(), SECRET))
                .description(service.name() + ": wrapped field-encryption data keys (trellis.crypto.* properties)")
                .removalPolicy(f.naming().dataRemovalPolicy())
                .build();
    }
}
