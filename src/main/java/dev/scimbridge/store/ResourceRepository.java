package dev.scimbridge.store;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a search that resolves ids first needs ({@code ResourceSearch.Loader.byIds}, used by Groups): ids
 * in order, look-ups, batch reads. Users read look-ups and pages together with the records in one call
 * instead ({@link UserRepository#find}, {@link UserRepository#readPage}).
 */
public interface ResourceRepository {

    /** Resources by id, in the order given, skipping ids that do not exist. One round trip. */
    List<StoredResource> getAll(Tenant tenant, Collection<String> ids);

    /** Ids whose indexed attribute has the (normalised) value. */
    Set<String> findIds(Tenant tenant, String indexedAttribute, String normalisedValue);

    /** Ids in creation order from {@code offset} (0-based), and the total. */
    Page page(Tenant tenant, long offset, int count);
}
