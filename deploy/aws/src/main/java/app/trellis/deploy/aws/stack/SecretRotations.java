package app.trellis.deploy.aws.stack;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.rds.RotationSingleUserOptions;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.SecretRotation;
import software.amazon.awscdk.services.secretsmanager.SecretRotationApplication;
import software.constructs.Construct;

/**
 * Rotation of every database secret, by AWS's rotation functions in the apps subnets (one security group for
 * them all: out to the database and the Secrets Manager endpoint only).
 * <ul>
 * <li>runtime users alternate between two users (multi-user): a running task keeps working with the previous
 * password until the next rotation, so a rotation never breaks a service's new connections;</li>
 * <li>the migrators and the administrator change their own password (single user): only short one-off tasks
 * use them, and each reads the secret when it starts.</li>
 * </ul>
 * The first rotation waits for the schedule (not on creation): the users exist only once the bootstrap task ran.
 */
final class SecretRotations extends Construct {

    private final Database database;
    private final Network network;
    private final Duration period;
    private final SecurityGroup securityGroup;

    SecretRotations(Construct scope, String id, Naming naming, Database database, Network network) {
        super(scope, id);
        this.database = database;
        this.network = network;
        this.period = DatabaseUsers.rotation(naming);
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(network.vpc)
                .securityGroupName(naming.name("secret-rotation"))
                .description("Secret rotation functions: to the database and the Secrets Manager endpoint only")
                .allowAllOutbound(false).build();
        securityGroup.addEgressRule(Peer.ipv4(network.vpc.getVpcCidrBlock()), Port.tcp(443), "AWS APIs via endpoints");

        database.cluster.addRotationSingleUser(RotationSingleUserOptions.builder()
                .automaticallyAfter(period).vpcSubnets(Network.APPS).securityGroup(securityGroup)
                .endpoint(network.secretsManager).rotateImmediatelyOnUpdate(false).build());
        database.users.forEach((service, users) -> {
            rotate("Runtime-" + service.name(), users.runtime, SecretRotationApplication.MYSQL_ROTATION_MULTI_USER);
            rotate("Migrator-" + service.name(), users.migrator, SecretRotationApplication.MYSQL_ROTATION_SINGLE_USER);
        });
    }

    private void rotate(String id, ISecret secret, SecretRotationApplication application) {
        SecretRotation.Builder builder = SecretRotation.Builder.create(this, id)
                .application(application).secret(secret).target(database.cluster)
                .vpc(network.vpc).vpcSubnets(Network.APPS).securityGroup(securityGroup)
                .endpoint(network.secretsManager)
                .automaticallyAfter(period).rotateImmediatelyOnUpdate(false);
        if (application == SecretRotationApplication.MYSQL_ROTATION_MULTI_USER) {
            // Clones the user with its grants: needs the administrator.
            builder.masterSecret(database.cluster.getSecret());
        }
        builder.build();
    }
}
