package dev.scimbridge.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script shipped under {@code src/main/resources/redis/}, run with {@code EVALSHA} and, when
 * Redis does not know it ({@code NOSCRIPT}: after a restart, a failover or {@code SCRIPT FLUSH}),
 * with {@code EVAL}, which also caches it again. The SHA-1 is computed locally, so no
 * {@code SCRIPT LOAD} round trip is needed. Pass every key in {@code keys} (Cluster routes on them;
 * they must share one hash tag).
 *
 * <p>Example: {@code static final LuaScript CREATE = LuaScript.load("redis/create-user.lua");
 * Object r = CREATE.eval(jedis, List.of(k1, k2), List.of(a1));}
 */
public final class LuaScript {
    private final String name;
    private final String source;
    private final String sha1;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    /**
     * Loads a script from the class path, e.g. {@code redis/bootstrap-account.lua}; with more than one
     * resource, their texts joined in order by a line break, so a script can call the functions of a shared
     * file before it ({@code load("redis/group-records.lua", "redis/user-read.lua")}).
     */
    public static LuaScript load(String... resources) {
        List<String> texts = new ArrayList<>(resources.length);
        for (String resource : resources) {
            texts.add(read(resource));
        }
        return new LuaScript(String.join(" + ", resources), String.join("\n", texts));
    }

    private static String read(String resource) {
        ClassLoader cl = LuaScript.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script not found on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + resource, e);
        }
    }

    /** A script from source text (tests). */
    public static LuaScript of(String name, String source) {
        return new LuaScript(name, source);
    }

    /** Runs the script with string keys and arguments. */
    public Object eval(UnifiedJedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(source, keys, args);
        }
    }

    /** Runs the script with binary keys and arguments (sealed records are binary). */
    public Object evalBinary(UnifiedJedis jedis, List<byte[]> keys, List<byte[]> args) {
        try {
            return jedis.evalsha(sha1.getBytes(StandardCharsets.US_ASCII), keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(source.getBytes(StandardCharsets.UTF_8), keys, args);
        }
    }

    public String sha1() {
        return sha1;
    }

    public String name() {
        return name;
    }

    private static String sha1Hex(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "LuaScript[" + name + ", " + sha1 + "]";
    }
}
