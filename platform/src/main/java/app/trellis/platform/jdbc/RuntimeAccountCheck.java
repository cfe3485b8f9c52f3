package app.trellis.platform.jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Before any work starts, the service checks what it logs in as, and refuses to start (outside the dev profile)
 * when its database account holds more than the {@link GrantPolicy} (DDL, the grant option, writes to the audit
 * trail, anything beyond its schema) or when the migration user's password is in its configuration. It refuses
 * in every profile when its schema lacks change sets of this build: the {@code migrate} step runs first.
 */
@ApplicationScoped
public class RuntimeAccountCheck {

    private static final Logger LOG = Logger.getLogger(RuntimeAccountCheck.class);
    private static final List<String> OWNER_SECRETS = List.of(SchemaMigration.MIGRATION_PASSWORD,
            "quarkus.liquibase.password");

    @Inject
    AgroalDataSource db;
    @Inject
    Config config;
    @ConfigProperty(name = SchemaMigration.APPEND_ONLY_TABLES, defaultValue = "audit_record")
    Set<String> appendOnly;
    @ConfigProperty(name = SchemaMigration.CHANGE_LOG, defaultValue = "db/changelog.xml")
    String changeLog;

    /** Before anything else starts work, the scheduler's jobs included (it starts at priority 0). */
    void onStart(@Observes @Priority(-1) StartupEvent start) throws Exception {
        try (Connection c = db.getConnection()) {
            verify(c, appendOnly, changeLog, ownerSecretsIn(config), ConfigUtils.getProfiles().contains("dev"));
        }
    }

    /**
     * Throws when a service on this connection must not start: its schema lacks change sets of {@code changeLog}
     * (any profile), or it holds more than its policy or {@code configProblems} were found (outside dev; in dev
     * a warning). The message names privileges and config keys, never values.
     */
    public static void verify(Connection runtime, Set<String> appendOnlyTables, String changeLog,
                              List<String> configProblems, boolean dev) throws Exception {
        long began = System.nanoTime();
        String account = Privilege.accountOf(runtime);
        List<String> unmigrated = new Changelog(changeLog).pending(runtime);
        if (!unmigrated.isEmpty()) {
            throw new IllegalStateException("the schema lacks " + unmigrated.size() + " change set(s) of this build"
                    + " (first: " + unmigrated.get(0) + "): run `migrate` first");
        }
        List<String> excess = new ArrayList<>(configProblems);
        List<String> surplus = surplus(runtime, appendOnlyTables);
        if (!surplus.isEmpty()) {
            excess.add("the database account " + account + " may do more than read and write rows: "
                    + String.join(", ", surplus) + " (run `migrate`, which revokes what the schema's owner can;"
                    + " an administrator revokes the rest)");
        }
        if (!excess.isEmpty()) {
            String message = String.join("; ", excess);
            if (!dev) {
                throw new IllegalStateException("refusing to start: " + message);
            }
            LOG.warn("dev profile, starting anyway: " + message);
            return;
        }
        LOG.infof("database account %s holds only row privileges; schema up to date (checked in %d ms)", account,
                (System.nanoTime() - began) / 1_000_000);
    }

    /** What the connection's account holds beyond the policy for its schema, described for a log line. */
    public static List<String> surplus(Connection runtime, Set<String> appendOnlyTables) throws Exception {
        GrantPolicy policy = new GrantPolicy(SchemaMigration.schemaOf(runtime), appendOnlyTables);
        return policy.surplus(Privilege.heldBy(runtime)).stream().map(Privilege::describe).toList();
    }

    /** Names (never values) of the migration user's credentials found in a running service's configuration. */
    public static List<String> ownerSecretsIn(Config config) {
        return OWNER_SECRETS.stream().filter(key -> config.getOptionalValue(key, String.class).isPresent())
                .map(key -> "the migration user's password is in this service's configuration (" + key
                        + "); only the migrate step may have it")
                .toList();
    }
}
