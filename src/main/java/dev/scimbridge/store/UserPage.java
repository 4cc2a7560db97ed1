package dev.scimbridge.store;

import java.util.List;

/**
 * One page of users in creation order, with their groups when asked, and how many users there are in all.
 * {@code users} may open each record when it is read (the Redis store's pages do): read it once.
 */
public record UserPage(List<UserWithGroups> users, long total) {
}
