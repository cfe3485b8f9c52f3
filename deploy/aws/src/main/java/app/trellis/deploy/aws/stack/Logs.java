package app.trellis.deploy.aws.stack;

import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/** Log groups: named by the standard, encrypted with the environment's logs key, kept as long as it says. */
final class Logs {

    private Logs() {
    }

    static LogGroup group(Construct scope, String id, Naming naming, String name, Keys keys) {
        LogGroup group = LogGroup.Builder.create(scope, id)
                .logGroupName(name)
                .encryptionKey(keys.logs)
                .removalPolicy(naming.dataRemovalPolicy())
                .build();
        // Any retention CloudWatch accepts (e.g. 400 days), not only the CDK enum's named values.
        ((CfnLogGroup) group.getNode().getDefaultChild()).setRetentionInDays(naming.env().logRetentionDays());
        return group;
    }
}
