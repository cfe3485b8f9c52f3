package app.trellis.deploy.aws.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images' scripts, run here with stand-ins for {@code java} and {@code mysql} that record what they were
 * given: no Docker engine is needed to know the container starts the right command.
 */
class ContainerScriptsTest {

    private static final Path DOCKER = Path.of("docker");

    @TempDir
    Path dir;

    @Test
    void theServiceImagePassesMigrateThroughAndHandsQuarkusTheFieldKeyRing() throws Exception {
        Path bin = recorder("java");
        Result result = run(List.of("sh", DOCKER.resolve("service/entrypoint.sh").toString(), "migrate"), bin, Map.of(
                "TRELLIS_FIELD_KEYS", "trellis.crypto.current-key=k1\ntrellis.crypto.keys.k1=d3JhcHBlZA==",
                "TMPDIR", dir.toString(), "TRELLIS_APP_DIR", "/app", "JAVA_OPTS", "-Xmx1g"));
        assertEquals(0, result.exit, result.output);
        String args = Files.readString(dir.resolve("java.args"));
        assertTrue(args.endsWith("-jar /app/quarkus-run.jar migrate\n"), args);
        assertTrue(args.contains("-Dquarkus.config.locations=" + dir.resolve("field-keys.properties")), args);
        assertTrue(args.startsWith("-Xmx1g "), args);
        assertTrue(Files.readString(dir.resolve("field-keys.properties")).contains("trellis.crypto.keys.k1=d3JhcHBlZA=="));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("field-keys.properties"))));
        assertFalse(Files.readString(dir.resolve("java.env")).contains("TRELLIS_FIELD_KEYS"), "the ring stays in the environment");
    }

    @Test
    void theBootstrapMakesEachSchemaWithItsTwoUsersAndRefusesUnsafeInput() throws Exception {
        Path bin = recorder("mysql");
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "TRELLIS_DB_HOST", "db.example", "TRELLIS_DB_ADMIN_USER", "trellis_admin", "TRELLIS_DB_ADMIN_PASSWORD", "a",
                "TRELLIS_SCHEMAS", "CASE_SERVICE=trellis_case",
                "CASE_SERVICE_USER", "case_service", "CASE_SERVICE_PASSWORD", "runtime-pw",
                "CASE_SERVICE_MIGRATOR_USER", "case_service_migrator", "CASE_SERVICE_MIGRATOR_PASSWORD", "owner-pw"));
        Result result = run(List.of("bash", DOCKER.resolve("db-bootstrap/bootstrap.sh").toString()), bin, env);
        assertEquals(0, result.exit, result.output);
        String sql = Files.readString(dir.resolve("mysql.stdin"));
        assertTrue(sql.contains("CREATE DATABASE IF NOT EXISTS `trellis_case`"), sql);
        assertTrue(sql.contains("ALTER USER 'case_service'@'%' IDENTIFIED BY 'runtime-pw' REQUIRE SSL;"), sql);
        assertTrue(sql.contains("GRANT SELECT ON `trellis_case`.* TO 'case_service'@'%';"), sql);
        assertTrue(sql.contains("GRANT ALL PRIVILEGES ON `trellis_case`.* TO 'case_service_migrator'@'%' WITH GRANT OPTION;"));
        assertFalse(sql.contains("'case_service'@'%' WITH GRANT"), "the runtime user owns nothing");
        assertTrue(Files.readString(dir.resolve("mysql.args")).contains("--ssl-mode=VERIFY_IDENTITY"));

        env.put("CASE_SERVICE_PASSWORD", "x'; DROP DATABASE trellis_case; --");
        Files.delete(dir.resolve("mysql.stdin"));
        Result refused = run(List.of("bash", DOCKER.resolve("db-bootstrap/bootstrap.sh").toString()), bin, env);
        assertNotEquals(0, refused.exit);
        assertFalse(Files.exists(dir.resolve("mysql.stdin")), "nothing reached the database");
    }

    private record Result(int exit, String output) {
    }

    /** A directory for PATH holding {@code name}: writes its arguments, environment and input next to it. */
    private Path recorder(String name) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho \"$*\" > '" + dir.resolve(name + ".args") + "'\nenv > '"
                + dir.resolve(name + ".env") + "'\ncat > '" + dir.resolve(name + ".stdin") + "'\n");
        script.toFile().setExecutable(true);
        return bin;
    }

    private Result run(List<String> command, Path bin, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
