package dev.scimbridge.store;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What listing and filtering need from the Users and the Groups alike: ids in order, look-ups, batch reads. */
public interface ResourceRepository {

    /** Resources by id, in the order given, skipping ids that do not exist. One round trip. */
    List<StoredResource> getAll(Tenant tenant, Collection<String> ids);

    /** Ids whose indexed attribute has the (normalised) value. */
    Set<String> findIds(Tenant tenant, String indexedAttribute, String normalisedValue);

    /** Ids in creation order from {@code offset} (0-based), and the total. */
    Page page(Tenant tenant, long offset, int count);
}
