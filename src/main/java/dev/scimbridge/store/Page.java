package dev.scimbridge.store;

import java.util.List;

/** One page of ids in a stable order, and how many there are in all. */
public record Page(List<String> ids, long total) {
    public Page {
        ids = List.copyOf(ids);
    }
}
