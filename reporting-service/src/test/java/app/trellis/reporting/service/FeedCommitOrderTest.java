package app.trellis.reporting.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.testing.TestTokens;
import app.trellis.reporting.event.FeedRecorder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Two consumer transactions of one tenant commit in the opposite order to the one they started in, against
 * MariaDB. A subscriber that reads between the two commits and then resumes from the last position it saw
 * must still get both events: positions follow commit order, so none can appear behind a bookmark later.
 */
@QuarkusTest
class FeedCommitOrderTest {

    @Inject
    FeedRecorder recorder;
    @Inject
    ObjectMapper json;
    @Inject
    EventConsumer consumer;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anEventCommittedAfterALaterOneIsStillReadByASubscriberResumingFromItsBookmark() throws Exception {
        CloudEvent startedFirst = event("first");
        CloudEvent committedFirst = event("second");
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            recorder.handle(startedFirst);
            applied.countDown();
            await(commit);
        }));
        assertTrue(applied.await(20, TimeUnit.SECONDS), "the first transaction applied its event");
        QuarkusTransaction.requiringNew().run(() -> recorder.handle(committedFirst));

        List<String> seen = new ArrayList<>();
        long bookmark = read(0, seen);
        commit.countDown();
        slow.get(20, TimeUnit.SECONDS);
        read(bookmark, seen);

        assertThat("each event once, in commit order", seen, contains(committedFirst.id(), startedFirst.id()));
    }

    @Test
    void manyConsumerTransactionsCommittingAtOnceLeaveNoGapAndAReaderFollowingAlongMissesNothing() throws Exception {
        int writers = 6;
        int perWriter = 30;
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> seen = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            long bookmark = 0;
            while (writing.get()) {
                bookmark = read(bookmark, seen);
            }
            read(bookmark, seen);
        });
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writes.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        CloudEvent event = event("concurrent");
                        consumer.apply(event);
                        written.add(event.id());
                    }
                }, pool));
            }
            writes.forEach(CompletableFuture::join);
        } finally {
            writing.set(false);
            pool.shutdown();
        }
        reader.get(60, TimeUnit.SECONDS);

        assertThat("every event once", seen, containsInAnyOrder(written.toArray()));
        List<Number> positions = given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor"))
                .queryParam("limit", 200).get("/api/v1/feed").then().extract().path("items.position");
        assertThat("numbered 1..n without a gap", positions.stream().map(Number::longValue).toList(),
                equalTo(LongStream.rangeClosed(1, writers * perWriter).boxed().toList()));
    }

    /** Reads the feed after {@code position} as a subscriber does; returns its new bookmark. */
    private long read(long position, List<String> seen) {
        JsonPath page = given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor"))
                .queryParam("cursor", Cursor.of(Long.toString(position)).encode()).queryParam("limit", 200)
                .get("/api/v1/feed")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = page.getList("items.id");
        List<Number> positions = page.getList("items.position");
        seen.addAll(ids);
        return positions.isEmpty() ? position : positions.get(positions.size() - 1).longValue();
    }

    private CloudEvent event(String caseId) {
        return CloudEvent.of("/trellis/case-service", "app.trellis.case.assigned.v1", "case/" + caseId, Instant.now(),
                tenant, 1, json.createObjectNode().put("caseId", UUID.randomUUID().toString()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
