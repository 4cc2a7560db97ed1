package dev.scimbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Redis password is the raw configured value. The stub gives an expression's expansion as
 * {@code getValue()} and the text as configured as {@code getRawValue()}. Against a real Liberty and a Redis
 * whose password was {@code p${b}q\x$}, the bridge reading the expanded value failed Redis's AUTH
 * ({@code JedisAccessControlException}); reading the raw value it was ready and served SCIM requests.
 */
class RedisConfigTest {

    static Config configWith(String raw, String expanded) {
        ConfigValue value = (ConfigValue) Proxy.newProxyInstance(RedisConfigTest.class.getClassLoader(),
                new Class<?>[] {ConfigValue.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRawValue" -> raw;
                    case "getValue" -> expanded;
                    case "getName" -> "scim.redis.password";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (Config) Proxy.newProxyInstance(RedisConfigTest.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConfigValue") && "scim.redis.password".equals(args[0])) {
                        return value;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "-", value = {
            "'p${b}q\\x$', pq\\x$, 'p${b}q\\x$'",
            "'a\\${b}', '${b}', 'a\\${b}'",
            "plain, plain, plain",
            "'', '', -",
            "-, -, -",
    })
    void passwordIsTakenAsWritten(String raw, String expanded, String expected) {
        RedisConfig config = new RedisConfig();
        config.config = configWith(raw, expanded);
        assertEquals(Optional.ofNullable(expected), config.password());
    }
}
