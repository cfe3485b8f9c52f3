package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.EnvironmentSettings.DatabaseSettings;
import app.trellis.deploy.aws.model.TrellisService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.rds.AuroraMysqlClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraMysqlEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsBaseOptions;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.IClusterInstance;
import software.amazon.awscdk.services.rds.ProvisionedClusterInstanceProps;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.services.rds.SubnetGroup;
import software.constructs.Construct;

/**
 * Aurora MySQL 3 in the isolated subnets, encrypted with the environment's database key, TLS required.
 * Serverless v2 where the settings say so, provisioned instances otherwise; backups (point-in-time restore)
 * kept as the settings say; deletion protection and a final snapshot where the data must outlive the stack.
 * Each service's schema has two users ({@link DatabaseUsers}); the schemas and users are made by the
 * bootstrap task ({@link DatabaseBootstrap}), since CloudFormation cannot run SQL.
 */
public final class Database extends Construct {

    static final int PORT = 3306;
    static final String ADMIN_USER = "trellis_admin";
    static final List<String> EXPORTED_LOGS = List.of("error", "slowquery");

    final DatabaseCluster cluster;
    final SecurityGroup securityGroup;
    final Map<TrellisService, DatabaseUsers> users = new LinkedHashMap<>();

    Database(Construct scope, String id, Naming naming, Keys keys, Network network, List<TrellisService> services) {
        super(scope, id);
        DatabaseSettings settings = naming.env().database();
        String identifier = naming.name("db");
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(network.vpc)
                .securityGroupName(naming.name("db")).description("Aurora: reached only from the groups given access")
                .allowAllOutbound(false).build();
        // Made before the cluster, so RDS writes into groups that are encrypted and expire.
        List<Construct> logGroups = new ArrayList<>();
        for (String log : EXPORTED_LOGS) {
            logGroups.add(Logs.group(this, "Log-" + log, naming, "/aws/rds/cluster/" + identifier + "/" + log, keys));
        }
        cluster = DatabaseCluster.Builder.create(this, "Cluster")
                .engine(DatabaseClusterEngine.auroraMysql(AuroraMysqlClusterEngineProps.builder()
                        .version(AuroraMysqlEngineVersion.VER_3_10_3).build()))
                .clusterIdentifier(identifier)
                .credentials(Credentials.fromGeneratedSecret(ADMIN_USER, CredentialsBaseOptions.builder()
                        .secretName(naming.secret("database", "admin")).build()))
                .vpc(network.vpc).vpcSubnets(Network.DATA)
                .subnetGroup(SubnetGroup.Builder.create(this, "Subnets").vpc(network.vpc).vpcSubnets(Network.DATA)
                        .description(identifier + ": isolated subnets").removalPolicy(RemovalPolicy.DESTROY).build())
                .securityGroups(List.of(securityGroup))
                .storageEncrypted(true).storageEncryptionKey(keys.database)
                .parameters(Map.of("require_secure_transport", "ON"))
                .writer(instance("writer", settings, true))
                .readers(readers(settings))
                .serverlessV2MinCapacity(settings.serverless() ? settings.minCapacityAcu() : null)
                .serverlessV2MaxCapacity(settings.serverless() ? settings.maxCapacityAcu() : null)
                .backup(BackupProps.builder().retention(Duration.days(settings.backupRetentionDays()))
                        .preferredWindow("06:00-07:00").build())
                .preferredMaintenanceWindow("sun:07:30-sun:08:30")
                .deletionProtection(settings.deletionProtection())
                .removalPolicy(naming.env().retainData() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                .copyTagsToSnapshot(true)
                .cloudwatchLogsExports(EXPORTED_LOGS)
                .iamAuthentication(false)
                .build();
        logGroups.forEach(cluster.getNode()::addDependency);

        for (TrellisService service : services) {
            if (service.ownsSchema()) {
                users.put(service, new DatabaseUsers(this, "Users-" + service.name(), naming, cluster, service));
            }
        }
    }

    private static IClusterInstance instance(String id, DatabaseSettings settings, boolean writer) {
        if (settings.serverless()) {
            return ClusterInstance.serverlessV2(id, ServerlessV2ClusterInstanceProps.builder()
                    .scaleWithWriter(!writer).build());
        }
        return ClusterInstance.provisioned(id, ProvisionedClusterInstanceProps.builder()
                .instanceType(new InstanceType(settings.instanceType())).build());
    }

    private static List<IClusterInstance> readers(DatabaseSettings settings) {
        List<IClusterInstance> readers = new ArrayList<>();
        for (int i = 1; i <= settings.readers(); i++) {
            readers.add(instance("reader" + i, settings, false));
        }
        return readers;
    }

    /** The JDBC URL of a schema: TLS with the server's identity checked (the image trusts the RDS CAs). */
    String jdbcUrl(TrellisService service) {
        return "jdbc:mysql://" + cluster.getClusterEndpoint().getHostname() + ":" + PORT + "/" + service.schema()
                + "?sslMode=VERIFY_IDENTITY";
    }
}
