package dev.scimbridge.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import dev.scimbridge.config.RedisConfig;
import dev.scimbridge.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/** Where the client connects: the configured URL, else the development Redis when the build has it, else nowhere. */
class RedisClientProducerTest {

    static RedisClientProducer producer(Optional<String> url, boolean embeddedAvailable) {
        RedisClientProducer producer = new RedisClientProducer();
        producer.config = new RedisConfig() {
            @Override
            public Optional<String> url() {
                return url;
            }
        };
        producer.embeddedAvailable = () -> embeddedAvailable;
        return producer;
    }

    @Test
    void theConfiguredUrlIsUsedWhetherOrNotTheBuildHasTheDevelopmentRedis() {
        for (boolean available : new boolean[] {true, false}) {
            RedisEndpoint endpoint = producer(Optional.of("redis://redis.internal:6380/2"), available).endpoint();
            assertEquals("redis.internal", endpoint.host());
            assertEquals(6380, endpoint.port());
            assertEquals(2, endpoint.database());
        }
    }

    @Test
    void withoutAUrlABuildWithoutTheDevelopmentRedisHasNoClientAndSaysWhatToSet() {
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> producer(Optional.empty(), false).endpoint());
        assertEquals(RedisClientProducer.NOT_CONFIGURED, e.getMessage());
    }

    @Test
    void theDevelopmentRedisIsInTheTestBuild() {
        assertEquals(true, EmbeddedRedis.available());
    }
}
