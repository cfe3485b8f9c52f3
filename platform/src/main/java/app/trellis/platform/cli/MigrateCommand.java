package app.trellis.platform.cli;

import app.trellis.platform.jdbc.Privilege;
import app.trellis.platform.jdbc.SchemaMigration;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code java -jar quarkus-run.jar migrate}: the service's {@link SchemaMigration}, without starting the service
 * (no HTTP server, no relay, no consumer, no connection pool). Reads the service's own configuration (its
 * application.properties for the active profile, the environment, system properties), plus the migration user's
 * credentials that only this process gets: {@code TRELLIS_DB_MIGRATION_USER} / {@code TRELLIS_DB_MIGRATION_PASSWORD}.
 * Exits 0 when the schema is migrated and the runtime account holds exactly its policy, 1 otherwise.
 */
public final class MigrateCommand {

    /** Quarkus' ordinal for application.properties: below the environment (300), above the platform defaults (100). */
    private static final int APPLICATION_PROPERTIES = 250;
    private static final int OVERRIDES = 500;

    private MigrateCommand() {
    }

    public static int run(SmallRyeConfig config, PrintStream out, PrintStream err) {
        try {
            SchemaMigration.Settings settings = SchemaMigration.Settings.from(config);
            out.println("migrate: " + settings);
            SchemaMigration.Outcome outcome = SchemaMigration.run(settings);
            out.printf("migrate: schema %s, %d of %d change sets run now%n", outcome.schema(), outcome.changeSetsRun(),
                    outcome.changeSets());
            outcome.statements().forEach(sql -> out.println("migrate:   " + sql));
            out.println("migrate: " + outcome.account() + " holds:");
            summary(outcome.holds()).forEach(line -> out.println("migrate:   " + line));
            if (!outcome.complete()) {
                err.println("migrate: only a database administrator can revoke from " + outcome.account() + ": "
                        + outcome.leftForAdministrator().stream().map(Privilege::describe)
                        .collect(Collectors.joining(", ")) + "; the service will refuse to start until then");
                return 1;
            }
            out.printf("migrate: done in %d ms%n", outcome.millis());
            return 0;
        } catch (Exception e) {
            err.println("migrate: failed: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                err.println("migrate:   caused by " + cause);
            }
            return 1;
        }
    }

    /** One line per set of privileges: {@code INSERT, UPDATE, DELETE ON trellis_case: client, program}. */
    static List<String> summary(List<Privilege> held) {
        Map<String, List<String>> tablesByPrivileges = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        held.stream().collect(Collectors.groupingBy(p -> p.level() + " " + p.schema() + "." + p.table() + " "
                        + p.column() + " " + p.grantable(), TreeMap::new, Collectors.toList()))
                .values().forEach(same -> {
                    Privilege p = same.get(0);
                    String types = same.stream().map(Privilege::type).sorted().collect(Collectors.joining(", "));
                    if (p.level() == Privilege.Level.TABLE && !p.grantable()) {
                        tablesByPrivileges.computeIfAbsent(types + " ON " + p.schema(), k -> new ArrayList<>())
                                .add(p.table());
                    } else {
                        lines.add(new Privilege(p.level(), p.schema(), p.table(), p.column(), types, p.grantable())
                                .describe());
                    }
                });
        tablesByPrivileges.forEach((privileges, tables) -> lines.add(privileges + ": " + String.join(", ", tables)));
        return lines;
    }

    /**
     * A service's configuration as it would start with {@code profile}, outside Quarkus: the same sources Quarkus
     * reads for these keys, with {@code overrides} on top (the test infrastructure's addresses and users).
     */
    public static SmallRyeConfig config(String profile, Map<String, String> overrides) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().forClassLoader(loader).addDefaultInterceptors()
                .addDefaultSources().withProfile(profile)
                .withSources(new PropertiesConfigSource(overrides, "overrides", OVERRIDES));
        try {
            for (URL url : Collections.list(loader.getResources("application.properties"))) {
                builder.withSources(new PropertiesConfigSource(url, APPLICATION_PROPERTIES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }
}
