package app.trellis.deploy.local;

import app.trellis.platform.testing.Database;
import app.trellis.platform.testing.FieldKeyFiles;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.ObjectStore;
import app.trellis.platform.testing.Ports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local stand-ins for Aurora, SQS and S3 on their conventional ports, with data under one folder:
 * MariaDB (or the MySQL-compatible server already listening on 3306), ElasticMQ with every queue of the
 * topology, S3Proxy with a filesystem store and the document bucket. Started by {@code ./trellis up};
 * runs until it is sent SIGTERM, then stops what it started.
 *
 * <p>Usage: {@code LocalInfra <data-dir> <s3proxy.jar>}
 */
public final class LocalInfra {

    static final int DB_PORT = 3306;
    static final int SQS_PORT = 9324;
    static final int S3_PORT = 9000;
    static final String DOCUMENT_BUCKET = "trellis-documents";

    /**
     * Schema, runtime user and migration user of each service, with their local passwords: the defaults in
     * each service's application.properties.
     */
    record ServiceSchema(String schema, String user) {
        String password() {
            return user + "_local";
        }

        String migrationUser() {
            return user + "_migrator";
        }

        String migrationPassword() {
            return migrationUser() + "_local";
        }
    }

    static final List<ServiceSchema> SCHEMAS = List.of(
            new ServiceSchema("trellis_case", "case_service"),
            new ServiceSchema("trellis_assessment", "assessment_service"),
            new ServiceSchema("trellis_document", "document_service"),
            new ServiceSchema("trellis_reporting", "reporting_service"));

    private LocalInfra() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalInfra <data-dir> <s3proxy.jar>");
            System.exit(2);
        }
        File data = new File(args[0]).getAbsoluteFile();
        File s3proxyJar = new File(args[1]).getAbsoluteFile();
        Files.createDirectories(data.toPath());
        // Made once per machine and kept with the data they protect; an older raw-key file is upgraded.
        FieldKeyFiles.ensure(data.toPath().resolve("field-keys.properties"), data.toPath().resolve("field-master.key"));

        long start = System.nanoTime();
        Database db = database(data);
        for (ServiceSchema s : SCHEMAS) {
            db.ensureSchema(s.schema(), s.user(), s.password(), s.migrationUser(), s.migrationPassword());
        }
        step("database", start, (db.isEmbedded() ? "embedded MariaDB" : "existing server") + " on 127.0.0.1:" + DB_PORT
                + ", schemas " + SCHEMAS.stream().map(ServiceSchema::schema).toList());

        long sqsStart = System.nanoTime();
        requireFree(SQS_PORT, "ElasticMQ");
        MessageQueues queues = MessageQueues.startOn(SQS_PORT);
        step("sqs", sqsStart, "ElasticMQ on " + queues.endpoint() + " with the queues of trellis/topology.json");

        long s3Start = System.nanoTime();
        requireFree(S3_PORT, "S3Proxy");
        ObjectStore s3 = ObjectStore.start(s3proxyJar, new File(data, "s3"), S3_PORT, new File(data, "s3proxy.log"));
        s3.ensureBucket(DOCUMENT_BUCKET);
        step("s3", s3Start, "S3Proxy on " + s3.endpoint() + ", bucket " + DOCUMENT_BUCKET);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[infra] stopping");
            s3.stop();
            queues.stop();
            db.stop();
            stopped.countDown();
        }));
        Files.writeString(new File(data, "infra.ready").toPath(), Long.toString(ProcessHandle.current().pid()));
        System.out.println("[infra] ready in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
        stopped.await();
    }

    private static Database database(File data) {
        String adminUrl = System.getenv("TRELLIS_DB_ADMIN_URL");
        if (adminUrl != null && !adminUrl.isBlank()) {
            java.net.URI uri = java.net.URI.create(adminUrl.replaceFirst("^jdbc:", ""));
            return Database.existing(uri.getHost(), uri.getPort() < 0 ? DB_PORT : uri.getPort(),
                    env("TRELLIS_DB_ADMIN_USER", "root"), env("TRELLIS_DB_ADMIN_PASSWORD", ""));
        }
        if (Ports.listening(DB_PORT)) {
            System.out.println("[infra] a server already listens on 3306; using it with TRELLIS_DB_ADMIN_USER/PASSWORD"
                    + " (default root without password)");
            return Database.existing("127.0.0.1", DB_PORT, env("TRELLIS_DB_ADMIN_USER", "root"),
                    env("TRELLIS_DB_ADMIN_PASSWORD", ""));
        }
        return Database.embeddedPersistent(new File(data, "mariadb"), DB_PORT);
    }

    private static void requireFree(int port, String what) throws IOException {
        if (Ports.listening(port)) {
            throw new IOException(what + " cannot start: 127.0.0.1:" + port + " is taken by another process");
        }
    }

    private static void step(String what, long startNanos, String detail) {
        System.out.printf("[infra] %-8s ready in %5d ms  %s%n", what,
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), detail);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
