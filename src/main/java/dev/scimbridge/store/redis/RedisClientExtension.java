package dev.scimbridge.store.redis;

import java.util.logging.Logger;

import dev.scimbridge.config.RedisConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A portable extension (Jakarta CDI 4.0 §11.5.1, {@code BeforeBeanDiscovery}) that begins creating the
 * Redis client before bean discovery, beside the container's deployment work instead of after it
 * (docs/operations.md, Start-up time). Registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}. If it cannot begin, the producer
 * creates the client when the application starts; a client the application never took is closed at
 * shutdown.
 */
public class RedisClientExtension implements Extension {
    private static final Logger LOG = Logger.getLogger(RedisClientExtension.class.getName());

    void begin(@Observes BeforeBeanDiscovery event) {
        try {
            EarlyRedisClient.begin(new RedisConfig(ConfigProvider.getConfig(RedisClientExtension.class.getClassLoader())));
        } catch (RuntimeException e) {
            LOG.warning("The Redis client is created when the application starts instead of early ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    void discard(@Observes BeforeShutdown event) {
        EarlyRedisClient.discard();
    }
}
