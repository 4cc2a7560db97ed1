package dev.scimbridge.it;

import static dev.scimbridge.testsupport.ItEnvironment.awaitResponse;
import static dev.scimbridge.testsupport.ItEnvironment.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import dev.scimbridge.store.redis.EmbeddedRedis;
import dev.scimbridge.testsupport.ItEnvironment;
import dev.scimbridge.testsupport.ScimClient;
import dev.scimbridge.testsupport.TestRedisControl;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Stopping Redis turns readiness DOWN (with a reason) while liveness stays UP; starting Redis again
 * turns readiness UP without restarting Liberty. Runs only when the build owns the test Redis.
 */
class RedisOutageIT {

    @Test
    void readinessFollowsRedisAndLivenessDoesNot() {
        assumeTrue(ItEnvironment.redisOwnedByBuild(), "Redis is external (-Dscim.redis.url): not stopping it");
        int port = URI.create(ItEnvironment.redisUrl()).getPort();
        awaitResponse("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(30));

        TestRedisControl.shutdown(port);
        HttpResponse<String> down = awaitResponse("/health/ready", r -> r.statusCode() == 503, Duration.ofSeconds(15));
        JsonObject body = json(down.body());
        assertEquals("DOWN", body.getString("status"));
        JsonObject redisCheck = body.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("redis")).findFirst().orElseThrow();
        assertEquals("DOWN", redisCheck.getString("status"));
        assertTrue(redisCheck.getJsonObject("data").getString("reason").startsWith("Redis unreachable"), redisCheck.toString());
        assertEquals(200, ItEnvironment.get("/health/live").statusCode(), "liveness must not follow Redis");

        // SCIM requests fail fast with 503, Retry-After and a SCIM error, never a 500.
        HttpResponse<String> create = ScimClient.forItServer().post("/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"outage-" + System.nanoTime() + "\"}");
        assertEquals(503, create.statusCode(), create.body());
        assertTrue(create.headers().firstValue("Retry-After").isPresent());
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", json(create.body()).getJsonArray("schemas").getString(0));
        assertEquals("The directory store is unavailable; retry later.", json(create.body()).getString("detail"));
        // A Bulk request none of whose operations could be done: 503 for the whole request, as a single write.
        HttpResponse<String> bulk = ScimClient.forItServer().post("/Bulk",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[{\"method\":\"POST\",\"bulkId\":\"u1\",\"path\":\"/Users\","
                        + "\"data\":{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"outage-bulk-" + System.nanoTime() + "\"}}]}");
        assertEquals(503, bulk.statusCode(), bulk.body());
        assertTrue(bulk.headers().firstValue("Retry-After").isPresent());

        // Bring Redis back on the same port; it stays up for the remaining ITs of this JVM.
        EmbeddedRedis.start(port, Path.of(ItEnvironment.required("scim.it.redisDir")));
        awaitResponse("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(15));
    }
}
