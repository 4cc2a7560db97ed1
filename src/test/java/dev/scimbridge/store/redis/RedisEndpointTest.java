package dev.scimbridge.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisEndpointTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "redis://localhost                       | false | localhost | 6379 | -     | -       | 0 | redis://localhost:6379/0",
            "redis://redis.example:6380/2            | false | redis.example | 6380 | - | -     | 2 | redis://redis.example:6380/2",
            "rediss://app:s3cr%40t@cache.example:6390 | true | cache.example | 6390 | app | s3cr@t | 0 | rediss://app:***@cache.example:6390/0",
            "redis://:onlypass@localhost/1           | false | localhost | 6379 | -     | onlypass | 1 | redis://***@localhost:6379/1",
            "redis://legacy@localhost                | false | localhost | 6379 | -     | legacy  | 0 | redis://***@localhost:6379/0",
            "redis://app:a+b%2Bc@localhost            | false | localhost | 6379 | app   | a+b+c   | 0 | redis://app:***@localhost:6379/0",
    })
    void parsesAndRedacts(String url, boolean tls, String host, int port, String user, String password, int db, String redacted) {
        RedisEndpoint endpoint = RedisEndpoint.parse(url);
        assertEquals(tls, endpoint.tls());
        assertEquals(host, endpoint.host());
        assertEquals(port, endpoint.port());
        assertEquals(Optional.ofNullable(user), endpoint.username());
        assertEquals(Optional.ofNullable(password), endpoint.password());
        assertEquals(db, endpoint.database());
        assertEquals(redacted, endpoint.redacted());
        assertEquals(redacted, endpoint.toString());
        if (password != null) {
            assertFalse(endpoint.toString().contains(password), "toString must not reveal the password");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://user:hunter2@localhost:6379 | must start with redis:// or rediss://",
            "redis://user:hunter2@localhost/abc | database must be a number",
            "redis:///0                          | has no host",
            "redis://user:hunter2%zz@localhost   | is not a valid URL",
    })
    void rejectsWithoutRepeatingTheUrl(String url, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse(url));
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }
}
