package dev.scimbridge.store.redis;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.scimbridge.config.RedisConfig;

/**
 * The Redis client created on a thread of its own while the container deploys the application
 * ({@link RedisClientExtension}), so that loading Jedis, building the pool and opening the first
 * connection (0.15 s of a start, docs/benchmarks.md round 8) are off the start's critical path.
 * {@link RedisClientProducer} takes it; without it the producer creates the client itself.
 */
final class EarlyRedisClient {
    private static final Logger LOG = Logger.getLogger(EarlyRedisClient.class.getName());
    /** Begun and not yet taken. */
    private static final AtomicReference<CompletableFuture<RedisClientProducer.Created>> BEGUN = new AtomicReference<>();

    private EarlyRedisClient() {
    }

    /**
     * Creates the client on a daemon thread, then opens its first connection with a {@code PING} (a
     * Redis that does not answer only costs that thread its timeouts). A second call before {@link #take}
     * does nothing.
     */
    static void begin(RedisConfig config) {
        CompletableFuture<RedisClientProducer.Created> outcome = new CompletableFuture<>();
        if (!BEGUN.compareAndSet(null, outcome)) {
            return;
        }
        Thread worker = new Thread(() -> {
            RedisClientProducer.Created created;
            try {
                created = RedisClientProducer.create(config);
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
                return;
            }
            outcome.complete(created);
            try {
                created.client().ping();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Redis did not answer the first PING (" + e.getClass().getSimpleName() + ")");
            }
        }, "scim-redis-connect");
        worker.setContextClassLoader(EarlyRedisClient.class.getClassLoader());
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * The begun client once it is created (the first connection may still be opening), or empty when none
     * was begun or its creation failed (then the caller creates one and meets the same failure itself).
     */
    static Optional<RedisClientProducer.Created> take() {
        CompletableFuture<RedisClientProducer.Created> begun = BEGUN.getAndSet(null);
        if (begun == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(begun.join());
        } catch (CompletionException e) {
            LOG.log(Level.WARNING, "The early Redis client could not be created (" + e.getCause().getClass().getSimpleName()
                    + "); creating it again");
            return Optional.empty();
        }
    }

    /** Closes a begun client nobody took (the application did not start). */
    static void discard() {
        CompletableFuture<RedisClientProducer.Created> begun = BEGUN.getAndSet(null);
        if (begun != null) {
            begun.thenAccept(RedisClientProducer.Created::close);
        }
    }
}
