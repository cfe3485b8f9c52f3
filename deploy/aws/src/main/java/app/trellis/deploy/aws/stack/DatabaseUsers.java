package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.TrellisService;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * A service's two database users, each with its own secret: the runtime user (the service's task definition
 * reads only this one) and the schema's owner (only the migration task reads it). Both rotate.
 */
final class DatabaseUsers extends Construct {

    final ISecret runtime;
    final ISecret migrator;

    DatabaseUsers(Construct scope, String id, Naming naming, DatabaseCluster cluster, TrellisService service) {
        super(scope, id);
        runtime = secret("Runtime", naming, cluster, service, service.runtimeUser(), "db-runtime");
        migrator = secret("Migrator", naming, cluster, service, service.migrationUser(), "db-migrator");
    }

    private ISecret secret(String id, Naming naming, DatabaseCluster cluster, TrellisService service, String user,
                           String what) {
        DatabaseSecret secret = DatabaseSecret.Builder.create(this, id)
                .username(user).dbname(service.schema())
                .secretName(naming.secret(service.name(), what))
                .build();
        secret.applyRemovalPolicy(naming.dataRemovalPolicy());
        // host, port and engine in the secret, as the rotation function needs them.
        return secret.attach(cluster);
    }

    /** The rotation period of these secrets. */
    static Duration rotation(Naming naming) {
        return Duration.days(naming.env().secretRotationDays());
    }
}
