package dev.scimbridge.service;

import dev.scimbridge.scim.ScimException;

/**
 * {@code If-Match} handling (RFC 7644 §3.14, RFC 7232): the header's entity tags against a stored
 * version. Weak and strong tags compare by their value; {@code *} matches any existing resource.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /** Whether {@code header} (a list of entity tags or {@code *}) matches {@code version}. */
    public static boolean matches(String header, long version) {
        for (String raw : header.split(",")) {
            String tag = raw.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(Long.toString(version))) {
                return true;
            }
        }
        return false;
    }

    /** The version a write must find: the current one if {@code ifMatch} matches it, else 412. */
    public static long expect(String ifMatch, long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, currentVersion)) {
            throw ScimException.preconditionFailed("The resource has changed: its version is not the one in If-Match.");
        }
        return currentVersion;
    }
}
