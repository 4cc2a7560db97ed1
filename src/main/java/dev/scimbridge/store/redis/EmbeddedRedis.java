package dev.scimbridge.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import redis.embedded.RedisServer;

/**
 * The development-only Redis that the bridge starts when no {@code scim.redis.url} is configured:
 * a real Redis 6.2 server binary (shipped in the embedded-redis jar), bound to loopback, with AOF
 * persistence in a data directory so a restart keeps the directory.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Whether this build carries the development Redis: the loose application that {@code mvn liberty:run}
     * runs does; the packaged {@code scim-bridge.war} (the container image, an existing Liberty, the
     * runnable jar) does not.
     */
    public static boolean available() {
        try {
            Class.forName("redis.embedded.RedisServer", false, EmbeddedRedis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Starts Redis on {@code port} (0: a free loopback port) with its AOF in {@code dataDir}. */
    public static EmbeddedRedis start(int port, Path dataDir) {
        try {
            int chosen = port > 0 ? port : freePort();
            Path dir = dataDir.toAbsolutePath();
            Files.createDirectories(dir);
            RedisServer server = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    .soutListener(line -> { })
                    .serrListener(line -> LOG.warning("embedded redis: " + line))
                    .build();
            server.start();
            return new EmbeddedRedis(server, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Redis", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warning("embedded redis did not stop cleanly: " + e.getClass().getSimpleName());
        }
    }
}
