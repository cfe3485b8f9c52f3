package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.TrellisService;
import app.trellis.platform.crypto.KmsKeyEncryptionKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * A service's task role, least privilege: named actions (never a wildcard) on its own resources only.
 * <ul>
 * <li>queues: consume its own queue; peek at and redrive its own dead-letter queue; send where the routing file
 * carries its events; the messaging key only through SQS;</li>
 * <li>documents (document-service alone): objects under its prefix, and the documents key only through S3
 * for this bucket;</li>
 * <li>field encryption: {@code kms:Decrypt} of the field key only with the encryption context the code sends
 * ({@link KmsKeyEncryptionKey#ENCRYPTION_CONTEXT_KEY}) and no other context key.</li>
 * </ul>
 * Secrets are not here: ECS hands them to the container through the task's execution role.
 */
final class TaskPermissions {

    static final List<String> CONSUME = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
    static final List<String> SEND = List.of("sqs:SendMessage", "sqs:GetQueueUrl");
    static final List<String> OBJECTS = List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject",
            "s3:DeleteObject");

    private TaskPermissions() {
    }

    static void grant(IRole role, TrellisService service, Foundation f) {
        f.plan().consumedBy(service).ifPresent(queue -> {
            Queue own = f.messaging().queues.get(queue.name());
            Queue dead = f.messaging().deadLetterQueues.get(queue.name());
            role.addToPrincipalPolicy(allow(CONSUME, List.of(own.getQueueArn(), dead.getQueueArn())));
        });
        List<String> targets = new ArrayList<>();
        f.plan().sendsTo(service).forEach(name -> targets.add(f.messaging().queues.get(name).getQueueArn()));
        if (!targets.isEmpty()) {
            role.addToPrincipalPolicy(allow(SEND, targets));
        }
        if (!targets.isEmpty() || f.plan().consumedBy(service).isPresent()) {
            role.addToPrincipalPolicy(allowVia(List.of("kms:Decrypt", "kms:GenerateDataKey"),
                    f.keys().messaging.getKeyArn(), "sqs", Map.of()));
        }
        if (service.storesDocuments()) {
            grantDocuments(role, f);
        }
        if (service.ownsSchema()) {
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("kms:Decrypt"))
                    .resources(List.of(f.keys().fieldEncryption.getKeyArn()))
                    .conditions(Map.of(
                            "Null", Map.of("kms:EncryptionContext:" + KmsKeyEncryptionKey.ENCRYPTION_CONTEXT_KEY, "false"),
                            "ForAllValues:StringEquals", Map.of("kms:EncryptionContextKeys",
                                    List.of(KmsKeyEncryptionKey.ENCRYPTION_CONTEXT_KEY))))
                    .build());
        }
    }

    private static void grantDocuments(IRole role, Foundation f) {
        var bucket = f.documents().documents;
        role.addToPrincipalPolicy(allow(OBJECTS, List.of(bucket.arnForObjects(DocumentStore.PREFIX + "*"))));
        // HeadBucket (the readiness check) names no prefix; a listing may only name one under this one.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket")).resources(List.of(bucket.getBucketArn()))
                .conditions(Map.of("StringLikeIfExists", Map.of("s3:prefix", DocumentStore.PREFIX + "*")))
                .build());
        role.addToPrincipalPolicy(allowVia(List.of("kms:Decrypt", "kms:GenerateDataKey"),
                f.keys().documents.getKeyArn(), "s3",
                Map.of("kms:EncryptionContext:aws:s3:arn", bucket.getBucketArn())));
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }

    /** A key used only by the AWS service that encrypts for us ({@code kms:ViaService}), and as {@code equals} says. */
    private static PolicyStatement allowVia(List<String> actions, String keyArn, String awsService,
                                            Map<String, String> equals) {
        Map<String, String> conditions = new LinkedHashMap<>(equals);
        conditions.put("kms:ViaService", awsService + "." + Aws.REGION + ".amazonaws.com");
        return PolicyStatement.Builder.create().actions(actions).resources(List.of(keyArn))
                .conditions(Map.of("StringEquals", conditions)).build();
    }
}
