package dev.scimbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * The Redis password is the configured text, read from the configuration sources in their order, so that no
 * MicroProfile Config expression ({@code ${name}}, {@code \} escapes) is expanded in it. Against a real Liberty
 * and a Redis whose password was {@code p${b}q\x$} (given as {@code SCIM_REDIS_PASSWORD}), the bridge reading the
 * expanded value failed Redis's AUTH ({@code JedisAccessControlException}); reading it as written it was ready
 * and served SCIM requests.
 */
class RedisConfigTest {

    static ConfigSource source(String name, Map<String, String> values) {
        return new ConfigSource() {
            @Override
            public java.util.Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String propertyName) {
                return values.get(propertyName);
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    /** A Config whose only answer is its sources, in the order given (highest ordinal first, as the API gives them). */
    static Config configWith(ConfigSource... sources) {
        return (Config) Proxy.newProxyInstance(RedisConfigTest.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConfigSources")) {
                        return Arrays.asList(sources);
                    }
                    throw new UnsupportedOperationException(method.getName() + " would expand expressions");
                });
    }

    static Optional<String> password(ConfigSource... sources) {
        RedisConfig config = new RedisConfig();
        config.config = configWith(sources);
        return config.password();
    }

    @Test
    void expressionsAndEscapesAreKeptAsWritten() {
        assertEquals(Optional.of("p${b}q\\x$"), password(source("env", Map.of("scim.redis.password", "p${b}q\\x$"))));
        assertEquals(Optional.of("a\\${b}"), password(source("env", Map.of("scim.redis.password", "a\\${b}"))));
    }

    @Test
    void theFirstSourceThatHasItWins() {
        assertEquals(Optional.of("from-env"), password(source("env", Map.of("scim.redis.password", "from-env")),
                source("server.xml", Map.of("scim.redis.password", "from-server-xml"))));
        assertEquals(Optional.of("from-server-xml"), password(source("env", Map.of()),
                source("server.xml", Map.of("scim.redis.password", "from-server-xml"))));
    }

    @Test
    void emptyOrAbsentIsNoPassword() {
        assertEquals(Optional.empty(), password(source("env", Map.of("scim.redis.password", ""))));
        assertEquals(Optional.empty(), password(source("env", Map.of())));
    }
}
