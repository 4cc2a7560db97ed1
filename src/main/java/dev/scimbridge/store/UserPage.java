package dev.scimbridge.store;

import java.util.List;

/** One page of users in creation order, with their groups when asked, and how many users there are in all. */
public record UserPage(List<UserWithGroups> users, long total) {
    public UserPage {
        users = List.copyOf(users);
    }
}
