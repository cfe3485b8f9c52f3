package app.trellis.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/** Starts {@code n} calls at the same instant on their own threads and returns their results in order. */
public final class Race {

    private Race() {
    }

    public static <T> List<T> of(int n, IntFunction<T> call) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.apply(index);
                }, threads));
            }
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }
}
