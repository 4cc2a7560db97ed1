package dev.scimbridge.store.redis;

import static dev.scimbridge.store.redis.RedisRecords.call;

import java.util.List;

import dev.scimbridge.store.Page;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/** Stable paging over a creation-ordered ZSET: {@code ZRANGE} and {@code ZCARD} in one round trip. */
final class RedisPaging {

    private RedisPaging() {
    }

    static Page page(UnifiedJedis jedis, String zset, long offset, int count) {
        return call(() -> {
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                Response<Long> total = pipeline.zcard(zset);
                Response<List<String>> ids = count <= 0 ? null : pipeline.zrange(zset, offset, offset + count - 1);
                pipeline.sync();
                return new Page(ids == null ? List.of() : ids.get(), total.get());
            }
        });
    }
}
