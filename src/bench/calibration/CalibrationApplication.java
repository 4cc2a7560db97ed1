package dev.scimbridge.bench;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The benchmark's calibration endpoint, as issue 7 describes it: a trivial JAX-RS endpoint on the same
 * Liberty that makes one Redis SET and one GET and answers with JSON-B. {@code GET /calibration/ping}.
 * Built and deployed only by src/bench/run-benchmarks.sh, for one phase of its own; never part of the
 * bridge's WAR. The Redis pool is sized like the bridge's (32 connections). The WAR that src/bench/stack-floor.sh
 * builds, with the bridge's Lua scripts, also holds {@link StackFloor}, on the same pool.
 */
@ApplicationPath("/")
public class CalibrationApplication extends Application {

    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
        UnifiedJedis redis = redis();
        if (getClass().getClassLoader().getResource("redis/user-read.lua") == null) {
            return Set.of(new Endpoint(redis));
        }
        return Set.of(new Endpoint(redis), new StackFloor(redis));   // src/bench/stack-floor.sh's WAR
    }

    private static UnifiedJedis redis() {
        URI url = URI.create(System.getenv("SCIM_REDIS_URL"));
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(32);
        pool.setMaxIdle(32);
        pool.setJmxEnabled(false);
        return RedisClient.builder().hostAndPort(new HostAndPort(url.getHost(), url.getPort())).poolConfig(pool).build();
    }

    /** One Redis SET and GET of a random key out of 1,000, and the value read back as JSON. */
    @Path("ping")
    public static class Endpoint {
        private final UnifiedJedis redis;
        private final Jsonb jsonb = JsonbBuilder.create();

        Endpoint(UnifiedJedis redis) {
            this.redis = redis;
        }

        /** What the endpoint answers. */
        public record Pong(String key, String value) {
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String ping() {
            String key = "calibration:" + ThreadLocalRandom.current().nextInt(1000);
            redis.set(key, "pong " + System.nanoTime());
            return jsonb.toJson(new Pong(key, redis.get(key)));
        }
    }
}
