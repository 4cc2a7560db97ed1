package dev.scimbridge.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;

/**
 * IdP request bodies from {@code src/test/resources/idp/<idp>/*.json}, written after the IdPs' public
 * documentation, with {@code ${name}} placeholders filled in by the test.
 *
 * <pre>{@code
 * String body = Fixtures.load("entra/patch-group-add-member.json", "userId", id);
 * }</pre>
 *
 * Values are inserted JSON-escaped (a placeholder always sits inside a JSON string); a placeholder left
 * unfilled fails the test, so a fixture and its test cannot drift apart silently.
 */
final class Fixtures {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private Fixtures() {
    }

    /** The fixture {@code idp/<name>} with {@code nameValuePairs} ({@code "userId", id, …}) substituted. */
    static String load(String name, String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("placeholders must be name/value pairs");
        }
        String text = read("/idp/" + name);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            String placeholder = "${" + nameValuePairs[i] + "}";
            if (!text.contains(placeholder)) {
                throw new IllegalArgumentException(name + " has no placeholder " + placeholder);
            }
            text = text.replace(placeholder, escape(nameValuePairs[i + 1]));
        }
        Matcher left = PLACEHOLDER.matcher(text);
        if (left.find()) {
            throw new IllegalArgumentException(name + ": placeholder ${" + left.group(1) + "} was not given a value");
        }
        return text;
    }

    /** A short random suffix: every test names its users and groups with one, so reruns never collide. */
    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String escape(String value) {
        String quoted = Json.createValue(value).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
