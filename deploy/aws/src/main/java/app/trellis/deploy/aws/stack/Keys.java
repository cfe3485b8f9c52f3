package app.trellis.deploy.aws.stack;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The environment's customer-managed KMS keys, one per kind of data, so that a role can be given one kind
 * without the others: the database, the document bytes, the queues (and alarm topic), the logs, and the
 * field-encryption key that wraps the services' data keys. All rotate yearly; old key material stays
 * usable, so nothing wrapped or encrypted before a rotation needs rewriting.
 */
public final class Keys extends Construct {

    final Key database;
    final Key documents;
    final Key messaging;
    final Key logs;
    final Key fieldEncryption;

    Keys(Construct scope, String id, Naming naming) {
        super(scope, id);
        database = key("Database", naming, "database", "Aurora storage, snapshots and backups");
        documents = key("Documents", naming, "documents", "document bytes in S3 (SSE-KMS, bucket key)");
        messaging = key("Messaging", naming, "messaging", "SQS queues and the alarm topic");
        logs = key("Logs", naming, "logs", "CloudWatch log groups");
        fieldEncryption = key("FieldEncryption", naming, "field-encryption",
                "wraps the services' field-encryption data keys (envelope encryption)");

        // CloudWatch Logs encrypts with the key itself, only for log groups of this account and region.
        logs.addToResourcePolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logs." + Aws.REGION + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":log-group:*")))
                .build());
        // Alarms publish to the encrypted topic.
        messaging.addToResourcePolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                .build());
    }

    private Key key(String id, Naming naming, String purpose, String protects) {
        return Key.Builder.create(this, id)
                .alias("alias/" + naming.name(purpose))
                .description(naming.env().name() + ": " + protects)
                .enableKeyRotation(true)
                .removalPolicy(naming.dataRemovalPolicy())
                .build();
    }
}
