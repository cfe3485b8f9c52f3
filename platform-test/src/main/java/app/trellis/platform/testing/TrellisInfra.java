package app.trellis.platform.testing;

import app.trellis.platform.cli.MigrateCommand;
import app.trellis.platform.jdbc.SchemaMigration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real servers a service test needs, started once per test JVM: MariaDB (the service's own schema,
 * its migration user and its least-privilege runtime user; the schema migrated by the migrate step before the
 * service starts, and the service configured with the runtime user only), ElasticMQ with the whole topology, and
 * S3Proxy when {@code s3=true}.
 * Init args: {@code schema}, {@code user}, optional {@code s3} and {@code bucket}.
 */
public class TrellisInfra implements QuarkusTestResourceLifecycleManager {

    public static final String DB_PASSWORD = "test-password";
    public static final String MIGRATION_PASSWORD = "test-migration-password";
    private static final Map<String, String> FIELD_KEYS = fieldKeys();
    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        String schema = require("schema");
        String user = require("user");
        Map<String, String> config = new HashMap<>();

        Database db = Database.shared();
        String migrationUser = user + "_migrator";
        db.ensureSchema(schema, user, DB_PASSWORD, migrationUser, MIGRATION_PASSWORD);
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl(schema));
        config.put("quarkus.datasource.username", user);
        config.put("quarkus.datasource.password", DB_PASSWORD);
        migrate(config, migrationUser);

        MessageQueues queues = MessageQueues.shared();
        config.put("quarkus.sqs.endpoint-override", queues.endpoint());

        if (Boolean.parseBoolean(args.getOrDefault("s3", "false"))) {
            ObjectStore s3 = ObjectStore.shared();
            String bucket = args.get("bucket");
            if (bucket != null) {
                s3.ensureBucket(bucket);
            }
            config.put("quarkus.s3.endpoint-override", s3.endpoint());
            config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", ObjectStore.ACCESS_KEY);
            config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", ObjectStore.SECRET_KEY);
        }
        // Fresh field-encryption keys per test JVM, in envelope form like every other environment.
        config.putAll(FIELD_KEYS);
        return config;
    }

    /**
     * The migrate step, as the service jar runs it before the service starts: the same code, the service's own
     * configuration (test profile), the owner's credentials given to this step only, never to the service.
     */
    private static void migrate(Map<String, String> serviceConfig, String migrationUser) {
        Map<String, String> step = new HashMap<>(serviceConfig);
        step.put(SchemaMigration.MIGRATION_USER, migrationUser);
        step.put(SchemaMigration.MIGRATION_PASSWORD, MIGRATION_PASSWORD);
        if (MigrateCommand.run(MigrateCommand.config("test", step), System.out, System.err) != 0) {
            throw new IllegalStateException("the migrate step failed (see its output above)");
        }
    }

    private static Map<String, String> fieldKeys() {
        try {
            Path dir = Files.createTempDirectory("trellis-keys");
            dir.toFile().deleteOnExit();
            Path master = dir.resolve("master.key");
            master.toFile().deleteOnExit();
            return FieldKeyFiles.create(master, "test1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The servers are per JVM and stop with it; Quarkus may restart the app several times per run.
    }

    private String require(String name) {
        String value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("TrellisInfra needs init arg '" + name + "'");
        }
        return value;
    }
}
