package app.trellis.deploy.aws.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.deploy.aws.model.QueuePlan;
import app.trellis.deploy.aws.model.ServiceCatalog;
import app.trellis.deploy.aws.model.TrellisService;
import app.trellis.platform.crypto.KmsKeyEncryptionKey;
import app.trellis.platform.event.Topology;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Task roles hold named actions on their own service's resources only. */
class TaskRolesTest {

    private static final QueuePlan PLAN = QueuePlan.fromRoutingFile();
    private static final List<String> DATA_SERVICES = List.of("sqs", "s3", "kms", "secretsmanager", "rds", "dynamodb");


    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void taskRolesNameEveryActionAndNoDataResourceIsAWildcard(String env) {
        Synthesized s = Synthesized.of(env);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            for (JsonNode statement : statements(s, service)) {
                for (String action : Policies.actions(statement)) {
                    assertFalse(action.equals("*") || action.endsWith(":*") || action.contains("*"),
                            env + " " + service.name() + " has a wildcard action " + action);
                    String prefix = action.substring(0, action.indexOf(':'));
                    if (DATA_SERVICES.contains(prefix)) {
                        assertFalse(Policies.resources(statement).contains("*"),
                                env + " " + service.name() + ": " + action + " on every resource");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void eachServiceReachesExactlyTheQueuesTheRoutingFileGivesIt(String env) {
        Synthesized s = Synthesized.of(env);
        Map<String, String> queueNames = queueNamesByLogicalId(s);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            Set<String> received = new TreeSet<>();
            Set<String> sent = new TreeSet<>();
            for (JsonNode statement : statements(s, service)) {
                List<String> actions = Policies.actions(statement);
                Set<String> queues = Policies.resources(statement).stream().filter(queueNames::containsKey)
                        .map(queueNames::get).collect(Collectors.toSet());
                if (actions.contains("sqs:ReceiveMessage")) {
                    received.addAll(queues);
                }
                if (actions.contains("sqs:SendMessage")) {
                    sent.addAll(queues);
                }
                assertTrue(queues.isEmpty() || actions.stream().allMatch(a -> a.startsWith("sqs:")), statement.toString());
            }
            Set<String> expectReceived = new TreeSet<>();
            PLAN.consumedBy(service).ifPresent(q -> {
                expectReceived.add(env + "-" + q.name());
                expectReceived.add(env + "-" + q.deadLetterQueue());
            });
            Set<String> expectSent = PLAN.sendsTo(service).stream().map(q -> env + "-" + q)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expectReceived, received, env + " " + service.name() + " receives from");
            assertEquals(expectSent, sent, env + " " + service.name() + " sends to");
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void documentServiceReachesNoOtherServicesQueueAndOnlyItsPrefixAndKey(String env) {
        Synthesized s = Synthesized.of(env);
        Map<String, String> queueNames = queueNamesByLogicalId(s);
        TrellisService documents = ServiceCatalog.named(ServiceCatalog.DOCUMENT_SERVICE);
        Set<String> reachable = new HashSet<>();
        for (JsonNode statement : statements(s, documents)) {
            Policies.resources(statement).stream().filter(queueNames::containsKey).map(queueNames::get)
                    .forEach(reachable::add);
            if (Policies.actions(statement).stream().anyMatch(a -> a.startsWith("s3:") && !a.equals("s3:ListBucket"))) {
                assertTrue(statement.path("Resource").toString().contains("/" + DocumentStore.PREFIX + "*"),
                        "object access outside the documents prefix: " + statement);
            }
            if (Policies.actions(statement).contains("s3:ListBucket")) {
                assertEquals(DocumentStore.PREFIX + "*",
                        statement.path("Condition").path("StringLikeIfExists").path("s3:prefix").asText());
            }
        }
        for (Topology.Queue queue : PLAN.queues()) {
            boolean own = queue.consumer().equals(documents.name());
            boolean routedTo = PLAN.sendsTo(documents).contains(queue.name());
            if (!own && !routedTo) {
                assertFalse(reachable.contains(env + "-" + queue.name()), "document-service reaches " + queue.name());
            }
            if (!own) {
                assertFalse(reachable.contains(env + "-" + queue.deadLetterQueue()),
                        "document-service reaches " + queue.deadLetterQueue());
            }
        }
        assertFalse(reachable.contains(env + "-trellis-case-events"));
        String documentsKey = keyWithAlias(s, env + "-trellis-documents");
        for (TrellisService other : ServiceCatalog.SERVICES) {
            boolean touchesDocuments = statements(s, other).stream().anyMatch(st ->
                    Policies.resources(st).contains(documentsKey)
                            || Policies.actions(st).stream().anyMatch(a -> a.startsWith("s3:")));
            assertEquals(other.storesDocuments(), touchesDocuments, env + " " + other.name() + " and the documents");
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void theFieldKeyIsOnlyDecryptedWithTheEncryptionContextTheCodeSends(String env) {
        Synthesized s = Synthesized.of(env);
        String fieldKey = keyWithAlias(s, env + "-trellis-field-encryption");
        String contextKey = KmsKeyEncryptionKey.ENCRYPTION_CONTEXT_KEY;
        for (TrellisService service : ServiceCatalog.SERVICES) {
            List<JsonNode> onFieldKey = statements(s, service).stream()
                    .filter(st -> Policies.resources(st).contains(fieldKey)).toList();
            assertEquals(service.ownsSchema() ? 1 : 0, onFieldKey.size(), env + " " + service.name());
            for (JsonNode statement : onFieldKey) {
                assertEquals(List.of("kms:Decrypt"), Policies.actions(statement));
                assertEquals("false", statement.path("Condition").path("Null")
                        .path("kms:EncryptionContext:" + contextKey).asText(), statement.toString());
                assertEquals(List.of(contextKey), Policies.strings(statement.path("Condition")
                        .path("ForAllValues:StringEquals").path("kms:EncryptionContextKeys")));
            }
        }
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void taskRolesReadNoSecretsAndEachExecutionRoleOnlyItsOwn(String env) {
        Synthesized s = Synthesized.of(env);
        for (TrellisService service : ServiceCatalog.SERVICES) {
            assertTrue(statements(s, service).stream().flatMap(st -> Policies.actions(st).stream())
                    .noneMatch(a -> a.startsWith("secretsmanager:")), service.name() + "'s task role reads secrets");
            String exec = Policies.roleNamed(s, env + "-trellis-" + service.name() + "-exec");
            Set<String> secrets = Policies.statements(s, exec).stream()
                    .filter(st -> Policies.actions(st).contains("secretsmanager:GetSecretValue"))
                    .flatMap(st -> Policies.resources(st).stream()).collect(Collectors.toSet());
            for (String secret : secrets) {
                String name = secretName(s, secret);
                assertTrue(name.startsWith(env + "/trellis/" + service.name() + "/"),
                        service.name() + " reads " + name);
                assertNotEquals(env + "/trellis/" + service.name() + "/db-migrator", name);
            }
            // Database runtime user and field keys for each schema owner; reporting also its feed pseudonym key.
            int expected = (service.ownsSchema() ? 2 : 0) + (service.name().equals(FeedPseudonymKey.SERVICE) ? 1 : 0);
            assertEquals(expected, secrets.size(), service.name() + " secrets " + secrets);
        }
    }

    private static List<JsonNode> statements(Synthesized s, TrellisService service) {
        return Policies.statements(s, Policies.roleNamed(s, s.settings.prefix() + "-" + service.name()));
    }

    static Map<String, String> queueNamesByLogicalId(Synthesized s) {
        return s.resources("AWS::SQS::Queue").entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().path("Properties").path("QueueName").asText()));
    }

    static String keyWithAlias(Synthesized s, String alias) {
        return s.resources("AWS::KMS::Alias").values().stream()
                .filter(a -> a.path("Properties").path("AliasName").asText().equals("alias/" + alias))
                .map(a -> Synthesized.target(a.path("Properties").path("TargetKeyId")))
                .findFirst().orElseThrow(() -> new AssertionError("no key alias " + alias));
    }

    /** A secret's name, also when the reference is its target attachment (the secret with host and port). */
    static String secretName(Synthesized s, String logicalId) {
        JsonNode resource = s.resource(logicalId);
        if (resource.path("Type").asText().equals("AWS::SecretsManager::SecretTargetAttachment")) {
            resource = s.resource(Synthesized.target(resource.path("Properties").path("SecretId")));
        }
        return resource.path("Properties").path("Name").asText();
    }
}
