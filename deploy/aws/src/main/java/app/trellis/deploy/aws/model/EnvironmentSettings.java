package app.trellis.deploy.aws.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Everything in which sandbox, staging and production differ, read from {@code environments/<name>.json}: the
 * templates are one definition, and these files are its parameters. Values only an operator knows at deploy time
 * (certificate, identity provider, image tags) are CloudFormation parameters instead (see {@code DeployParameters}).
 */
public record EnvironmentSettings(
        String name,
        String region,
        List<String> availabilityZones,
        String vpcCidr,
        int natGateways,
        /** Tag {@code data-classification}: what the environment may hold ({@code phi}, {@code synthetic}). */
        String dataClassification,
        DatabaseSettings database,
        TaskSettings tasks,
        int logRetentionDays,
        int accessLogRetentionDays,
        int documentNoncurrentVersionDays,
        int queueOldestMessageAlarmSeconds,
        int secretRotationDays,
        /** Keep the data when the stack is deleted: final database snapshot, retained buckets, keys and logs. */
        boolean retainData,
        boolean waf) {

    public static final List<String> ALL = List.of("sandbox", "staging", "production");

    /**
     * Aurora MySQL 3: Serverless v2 (capacity in ACUs) where load is light, provisioned instances otherwise.
     * Backups allow a point-in-time restore to any second of the retention period.
     */
    public record DatabaseSettings(boolean serverless, double minCapacityAcu, double maxCapacityAcu,
                                   String instanceType, int readers, int backupRetentionDays,
                                   boolean deletionProtection) {
    }

    /** Every service's task size and scaling bounds, and the targets its scaling signal aims for. */
    public record TaskSettings(int cpu, int memoryMiB, int minTasks, int maxTasks, int cpuTargetPercent,
                               int requestsPerTarget, int queueBacklogPerTask) {
    }

    public static EnvironmentSettings load(String name) {
        String resource = "environments/" + name + ".json";
        try (InputStream in = EnvironmentSettings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no settings for environment '" + name + "' (" + resource + ")");
            }
            EnvironmentSettings settings = new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(in, EnvironmentSettings.class);
            if (!settings.name().equals(name)) {
                throw new IllegalArgumentException(resource + " names itself '" + settings.name() + "'");
            }
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prefix of every resource name: anyone reading a name knows the environment. */
    public String prefix() {
        return name + "-trellis";
    }

    public boolean isProduction() {
        return name.equals("production");
    }
}
