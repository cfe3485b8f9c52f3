package app.trellis.platform.testing;

import java.io.File;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * S3Proxy (a real S3 API over a filesystem store) as a child process on 127.0.0.1. It runs outside the
 * test JVM because its dependencies (jclouds, GCS, Azure, gRPC) would clash with the service's.
 * The jar comes from the build ({@code trellis.s3proxy.jar}, copied by the {@code s3proxy} profile).
 */
public final class ObjectStore {

    public static final String ACCESS_KEY = "trellis";
    public static final String SECRET_KEY = "trellis-secret";
    private static ObjectStore shared;

    private final int port;
    private final Process process;

    private ObjectStore(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static synchronized ObjectStore shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("trellis-s3proxy");
                shared = start(jar(), dir.toFile(), Ports.free(), dir.resolve("s3proxy.log").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public static ObjectStore start(File jar, File dataDir, int port, File log) {
        try {
            File store = new File(dataDir, "store");
            Files.createDirectories(store.toPath());
            File properties = new File(dataDir, "s3proxy.properties");
            Files.writeString(properties.toPath(), String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + store.getAbsolutePath(), ""));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx192m", "-cp", jar.getAbsolutePath(),
                    "org.gaul.s3proxy.Main", "--properties", properties.getAbsolutePath()))
                    .redirectErrorStream(true).redirectOutput(log).start();
            Ports.awaitListening(port, Duration.ofSeconds(60), process);
            return new ObjectStore(port, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static File jar() {
        String configured = System.getProperty("trellis.s3proxy.jar");
        if (configured != null && new File(configured).isFile()) {
            return new File(configured);
        }
        throw new IllegalStateException("S3Proxy jar not found at " + configured
                + "; modules that need S3 in tests must have src/test/s3proxy.marker (activates the s3proxy profile)");
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public void ensureBucket(String bucket) {
        try (S3Client s3 = client()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
