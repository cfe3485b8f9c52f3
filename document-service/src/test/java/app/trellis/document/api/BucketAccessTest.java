package app.trellis.document.api;

import static app.trellis.document.Documents.uploaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.document.Documents;
import app.trellis.document.Files;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.ObjectStore;
import app.trellis.platform.testing.Staff;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Only the service gets a client's bytes: the bucket refuses anonymous reads and listings. */
@QuarkusTest
class BucketAccessTest {

    private static final File AWS_CLI = new File("/usr/bin/aws");

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    @Test
    void anonymousReadsAndListingsOfTheBucketAreRefused() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID caseId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        MessageQueues.shared().drain(CaseAccessFeed.queue());
        CaseAccessFeed feed = new CaseAccessFeed(consumer, json);
        feed.send(feed.access(tenant, caseId, clientId, 1, "nora", "team-a", "open"));
        uploaded(Staff.member(tenant, "nora", "team-a", "case-manager"), clientId, caseId, Files.pdf("private"),
                "application/pdf");
        String key = Documents.objects(tenant).get(0);
        String endpoint = ObjectStore.shared().endpoint();

        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/" + Documents.BUCKET + "/" + key, "/" + Documents.BUCKET + "?prefix=tenant/")) {
            int status = http.send(HttpRequest.newBuilder(URI.create(endpoint + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(403, status, "anonymous " + path);
        }
        if (AWS_CLI.canExecute()) { // the same with the AWS CLI, where the machine has it (Debian's awscli)
            Process cli = new ProcessBuilder(AWS_CLI.getPath(), "--endpoint-url", endpoint, "--no-sign-request",
                    "--region", "us-east-1", "s3", "cp", "s3://" + Documents.BUCKET + "/" + key, "-")
                    .redirectErrorStream(true).start();
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS));
            String output = new String(cli.getInputStream().readAllBytes());
            assertNotEquals(0, cli.exitValue(), output);
            assertTrue(!output.contains("private"), "the CLI printed the file");
        }
    }
}
