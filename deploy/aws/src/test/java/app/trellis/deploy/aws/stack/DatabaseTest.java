package app.trellis.deploy.aws.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;

/** Aurora MySQL 3 as each environment needs it. */
class DatabaseTest {


    @Test
    void productionIsProtectedKeepsTwoWeeksOfBackupsAndRunsProvisionedInstances() {
        Synthesized s = Synthesized.of("production");
        JsonNode cluster = cluster(s);
        assertTrue(cluster.path("Properties").path("DeletionProtection").asBoolean());
        assertTrue(cluster.path("Properties").path("BackupRetentionPeriod").asInt() >= 14);
        assertEquals("Snapshot", cluster.path("DeletionPolicy").asText());
        assertEquals("Snapshot", cluster.path("UpdateReplacePolicy").asText());
        assertTrue(cluster.path("Properties").path("ServerlessV2ScalingConfiguration").isMissingNode());
        s.resources("AWS::RDS::DBInstance").values().forEach(instance ->
                assertFalse(instance.path("Properties").path("DBInstanceClass").asText().equals("db.serverless")));
        assertTrue(s.resources("AWS::RDS::DBInstance").size() >= 2, "a writer and a reader in another zone");
    }

    @Test
    void sandboxIsNotProtectedAndRunsServerlessV2() {
        Synthesized s = Synthesized.of("sandbox");
        JsonNode cluster = cluster(s);
        assertFalse(cluster.path("Properties").path("DeletionProtection").asBoolean());
        assertEquals("Delete", cluster.path("DeletionPolicy").asText());
        assertServerless(s);
    }

    @Test
    void stagingRunsServerlessV2AndKeepsASnapshotWhenDeleted() {
        Synthesized s = Synthesized.of("staging");
        assertServerless(s);
        assertEquals("Snapshot", cluster(s).path("DeletionPolicy").asText());
    }

    @ParameterizedTest
    @MethodSource(Synthesized.ENVIRONMENTS)
    void everyEnvironmentRunsAuroraMysql3InIsolatedSubnetsWithItsBackupRetention(String env) {
        Synthesized s = Synthesized.of(env);
        s.template().resourceCountIs("AWS::RDS::DBCluster", 1);
        s.template().hasResourceProperties("AWS::RDS::DBCluster", Map.of(
                "Engine", "aurora-mysql",
                "EngineVersion", Match.stringLikeRegexp("^8\\.0\\.mysql_aurora\\.3\\..*"),
                "BackupRetentionPeriod", s.settings.database().backupRetentionDays(),
                "CopyTagsToSnapshot", true,
                "EnableCloudwatchLogsExports", Match.arrayWith(java.util.List.of("error"))));
        s.resources("AWS::RDS::DBInstance").values().forEach(i ->
                assertFalse(i.path("Properties").path("PubliclyAccessible").asBoolean(true), "instance may be public"));
        String subnetGroup = s.resources("AWS::RDS::DBSubnetGroup").values().iterator().next().toString();
        assertTrue(subnetGroup.contains("dataSubnet") && !subnetGroup.contains("publicSubnet"), subnetGroup);
    }

    private static void assertServerless(Synthesized s) {
        JsonNode scaling = cluster(s).path("Properties").path("ServerlessV2ScalingConfiguration");
        assertEquals(s.settings.database().minCapacityAcu(), scaling.path("MinCapacity").asDouble());
        assertEquals(s.settings.database().maxCapacityAcu(), scaling.path("MaxCapacity").asDouble());
        s.resources("AWS::RDS::DBInstance").values().forEach(instance ->
                assertEquals("db.serverless", instance.path("Properties").path("DBInstanceClass").asText()));
    }

    private static JsonNode cluster(Synthesized s) {
        return s.resources("AWS::RDS::DBCluster").values().iterator().next();
    }
}
