package dev.scimbridge.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import dev.scimbridge.config.RedisConfig;
import dev.scimbridge.testsupport.MapConfig;
import jakarta.enterprise.inject.spi.Extension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The Redis client begun while the application deploys, taken by the producer or closed if never taken. */
class EarlyRedisClientTest {

    @TempDir
    Path dir;

    @AfterEach
    void nothingLeftBegun() {
        EarlyRedisClient.take().ifPresent(RedisClientProducer.Created::close);
    }

    @Test
    void takeReturnsTheBegunClientOnceWithTheEmbeddedRedisItStarted() throws Exception {
        int port = EmbeddedRedis.freePort();
        EarlyRedisClient.begin(embedded(port));

        RedisClientProducer.Created created = EarlyRedisClient.take().orElseThrow();
        try {
            assertEquals(port, created.embedded().orElseThrow().port());
            created.client().set("early:probe", "v");
            assertEquals("v", created.client().get("early:probe"));
            assertTrue(EarlyRedisClient.take().isEmpty(), "a second take must not get the same client");
        } finally {
            created.close();
        }
        awaitClosed(port);
    }

    @Test
    void aSecondBeginBeforeTheTakeIsIgnored() throws Exception {
        int port = EmbeddedRedis.freePort();
        EarlyRedisClient.begin(embedded(port));
        EarlyRedisClient.begin(url("redis://127.0.0.1:1"));

        RedisClientProducer.Created created = EarlyRedisClient.take().orElseThrow();
        created.close();
        assertEquals(port, created.embedded().orElseThrow().port(), "take did not return the first begun client");
    }

    @Test
    void aClientIsTakenEvenWhenRedisDoesNotAnswerYet() throws Exception {
        // The first PING only warms the pool; an absent Redis is readiness's to report, not the start's.
        EarlyRedisClient.begin(url("redis://127.0.0.1:" + EmbeddedRedis.freePort()));
        RedisClientProducer.Created created = EarlyRedisClient.take().orElseThrow();
        try {
            assertTrue(created.embedded().isEmpty());
            assertThrows(JedisConnectionException.class, () -> created.client().ping());
        } finally {
            created.close();
        }
    }

    @Test
    void aFailedCreationIsLeftToTheProducer() {
        EarlyRedisClient.begin(url("http://127.0.0.1:6379"));
        assertTrue(EarlyRedisClient.take().isEmpty());
    }

    @Test
    void discardClosesABegunClientNobodyTook() throws Exception {
        int port = EmbeddedRedis.freePort();
        EarlyRedisClient.begin(embedded(port));
        awaitOpen(port);

        EarlyRedisClient.discard();

        awaitClosed(port);
        assertTrue(EarlyRedisClient.take().isEmpty());
    }

    @Test
    void theProducerAdoptsTheBegunClientAndStopsItsEmbeddedRedis() throws Exception {
        int port = EmbeddedRedis.freePort();
        RedisConfig config = embedded(port);
        EarlyRedisClient.begin(config);
        RedisClientProducer producer = new RedisClientProducer();
        producer.config = config;

        UnifiedJedis client = producer.redisClient();
        assertEquals("PONG", client.ping());
        assertTrue(EarlyRedisClient.take().isEmpty(), "the producer did not take the begun client");

        producer.close(client);
        producer.stopEmbedded();
        awaitClosed(port);
    }

    @Test
    void withoutABegunClientTheProducerCreatesOne() throws Exception {
        int port = EmbeddedRedis.freePort();
        RedisClientProducer producer = new RedisClientProducer();
        producer.config = embedded(port);

        UnifiedJedis client = producer.redisClient();
        assertEquals("PONG", client.ping());
        producer.close(client);
        producer.stopEmbedded();
        awaitClosed(port);
    }

    @Test
    void theExtensionIsRegisteredForTheContainer() {
        assertTrue(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type).toList()
                .contains(RedisClientExtension.class));
    }

    @Test
    void redisConfigReadsItsDefaultsAndValues() {
        RedisConfig defaults = new RedisConfig(new MapConfig(Map.of("scim.redis.url", "  ", "scim.redis.password", "")));
        assertTrue(defaults.url().isEmpty());
        assertTrue(defaults.password().isEmpty());
        assertTrue(defaults.database().isEmpty());
        assertEquals(Duration.ofSeconds(2), defaults.timeout());
        assertEquals(Duration.ofSeconds(2), defaults.connectTimeout());
        assertEquals(32, defaults.poolMaxTotal());
        assertEquals(Path.of("redis-data"), defaults.embeddedDir());
        assertEquals(0, defaults.embeddedPort());

        RedisConfig set = new RedisConfig(new MapConfig(Map.of("scim.redis.url", " redis://r:6379 ",
                "scim.redis.username", "bridge", "scim.redis.password", "pw", "scim.redis.database", "3",
                "scim.redis.timeout", "PT1S", "scim.redis.connect-timeout", "PT3S", "scim.redis.pool.max-total", "8",
                "scim.redis.embedded.dir", "/data", "scim.redis.embedded.port", "6380")));
        assertEquals("redis://r:6379", set.url().orElseThrow());
        assertEquals("bridge", set.username().orElseThrow());
        assertEquals("pw", set.password().orElseThrow());
        assertEquals(3, set.database().orElseThrow());
        assertEquals(Duration.ofSeconds(1), set.timeout());
        assertEquals(Duration.ofSeconds(3), set.connectTimeout());
        assertEquals(8, set.poolMaxTotal());
        assertEquals(Path.of("/data"), set.embeddedDir());
        assertEquals(6380, set.embeddedPort());
    }

    @Test
    void aValueThatDoesNotConvertFailsAtConstruction() {
        assertThrows(IllegalArgumentException.class,
                () -> new RedisConfig(new MapConfig(Map.of("scim.redis.pool.max-total", "many"))));
    }

    private RedisConfig embedded(int port) {
        Map<String, String> values = new HashMap<>();
        values.put("scim.redis.embedded.port", Integer.toString(port));
        values.put("scim.redis.embedded.dir", dir.resolve("redis-" + port).toString());
        return new RedisConfig(new MapConfig(values));
    }

    private static RedisConfig url(String url) {
        return new RedisConfig(new MapConfig(Map.of("scim.redis.url", url)));
    }

    private static void awaitOpen(int port) throws InterruptedException {
        await(port, true);
    }

    private static void awaitClosed(int port) throws InterruptedException {
        await(port, false);
    }

    private static void await(int port, boolean open) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (accepts(port) != open) {
            assertFalse(Instant.now().isAfter(deadline), "port " + port + (open ? " never opened" : " still open"));
            Thread.sleep(20);
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
