package dev.scimbridge.store.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A parsed {@code redis://[user[:password]@]host[:port][/database]} or {@code rediss://} URL.
 *
 * <p>{@link #toString()} and {@link #redacted()} never include the password, so the endpoint can be
 * logged; the password is only handed to the Jedis client configuration.
 */
public record RedisEndpoint(boolean tls, String host, int port, Optional<String> username,
                            Optional<String> password, int database) {

    /** Parses a Redis URL; the message of the exception never repeats the URL (it may carry a password). */
    public static RedisEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("scim.redis.url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("scim.redis.url must start with redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("scim.redis.url has no host");
        }
        Optional<String> user = Optional.empty();
        Optional<String> pass = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String u = colon < 0 ? userInfo : userInfo.substring(0, colon);
            String p = colon < 0 ? null : userInfo.substring(colon + 1);
            if (colon < 0) {
                // redis://secret@host is the historic "password only" form.
                pass = Optional.of(decode(u));
            } else {
                user = Optional.of(decode(u)).filter(s -> !s.isEmpty());
                pass = Optional.of(decode(p)).filter(s -> !s.isEmpty());
            }
        }
        int db = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                db = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scim.redis.url database must be a number");
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 6379;
        return new RedisEndpoint(scheme.equals("rediss"), uri.getHost(), port, user, pass, db);
    }

    /** Percent-decodes user info (RFC 3986 §3.2.1): a {@code +} is a plus sign, not a space as in a form. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); // escapes were checked by URI
    }

    /** The URL without credentials, safe for logs: {@code redis://host:6379/0}. */
    public String redacted() {
        return (tls ? "rediss" : "redis") + "://" + username.map(u -> u + ":***@").orElse(password.isPresent() ? "***@" : "")
                + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }
}
