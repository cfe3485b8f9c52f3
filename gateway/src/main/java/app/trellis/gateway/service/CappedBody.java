package app.trellis.gateway.service;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that fails once more than its cap has streamed through: the cap of a chunked body (which
 * declares no length) is enforced on the bytes themselves, without holding any of them.
 */
final class CappedBody implements ReadStream<Buffer> {

    /** The body went over its cap; the exchange answers 413. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over its cap", null, false, false);
        }
    }

    private final ReadStream<Buffer> body;
    private final long cap;
    private final Runnable onTooLarge;
    private long seen;
    private boolean failed;
    private Handler<Throwable> exceptionHandler;

    CappedBody(ReadStream<Buffer> body, long cap, Runnable onTooLarge) {
        this.body = body;
        this.cap = cap;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        body.handler(chunk -> {
            if (failed) {
                return;
            }
            seen += chunk.length();
            if (seen > cap) {
                failed = true;
                body.pause();
                onTooLarge.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(v -> {
            if (!failed && endHandler != null) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
