package dev.scimbridge.store;

import java.util.List;

/**
 * Users as {@link StoredUserText} (attributes left as JSON text) that a look-up or a page found, and, for a page,
 * how many users there are in all. {@code users} may open each record when it is read (the Redis store's do):
 * read it once.
 */
public record UserTextPage(List<StoredUserText> users, long total) {
}
