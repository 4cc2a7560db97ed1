package dev.scimbridge.testsupport;

import java.nio.file.Path;

import dev.scimbridge.store.redis.EmbeddedRedis;
import redis.clients.jedis.Jedis;

/**
 * Starts and stops the integration tests' Redis from the build (exec:java in pre- and
 * post-integration-test). The server runs as a child of the Maven JVM and dies with it at the latest.
 *
 * <p>Usage: {@code TestRedisControl start|stop <port> <dataDir>}.
 */
public final class TestRedisControl {

    private TestRedisControl() {
    }

    public static void main(String[] args) {
        String action = args[0];
        int port = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        switch (action) {
            case "start" -> {
                EmbeddedRedis redis = EmbeddedRedis.start(port, dir);
                System.out.println("Test Redis listening on 127.0.0.1:" + redis.port());
            }
            case "stop" -> shutdown(port);
            default -> throw new IllegalArgumentException("start or stop, not " + action);
        }
    }

    /** Sends {@code SHUTDOWN NOSAVE} to whatever test Redis listens on the port; absent is fine. */
    public static void shutdown(int port) {
        try (Jedis client = new Jedis("127.0.0.1", port)) {
            client.shutdown();
        } catch (RuntimeException e) {
            System.out.println("Test Redis on port " + port + " already stopped");
        }
    }
}
