package dev.scimbridge.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.ListResponse;
import dev.scimbridge.scim.MappedList;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.WrittenListResponse;
import dev.scimbridge.scim.filter.Filter;
import dev.scimbridge.scim.filter.FilterEvaluator;
import dev.scimbridge.scim.filter.FilterPlan;
import dev.scimbridge.scim.filter.FilterPlanner;
import dev.scimbridge.scim.filter.IndexLookup;
import dev.scimbridge.scim.query.SortSpec;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.store.IndexProbe;
import dev.scimbridge.store.Page;
import dev.scimbridge.store.ResourceRepository;
import dev.scimbridge.store.Tenant;
import jakarta.json.JsonObject;

/**
 * Listing and filtering (RFC 7644 §3.4.2): filter first, then count, then sort and page, with a
 * 1-based {@code startIndex}. Filters the planner can serve from an index ({@code eq} on indexed
 * attributes, inside {@code and}, {@code or} of indexed terms) read only the candidates; any other
 * filter, or a sort, scans the account's resources up to {@code scim.filter.scan-limit} and answers
 * {@code tooMany} beyond. A plain list pages through the creation-ordered set without scanning.
 * All index look-ups of a filter go to the {@link Loader} in one call, and so does a page, so a store
 * that reads them together with the records (Users) answers in one round trip. A query that needs no resource
 * parsed (a page, or a filter an index answers exactly, under the default projection and no sort) can be answered
 * from resources already written ({@link #searchWritten}).
 */
final class ResourceSearch {
    private static final int SCAN_CHUNK = 500;
    private static final FilterEvaluator EVALUATOR = new FilterEvaluator();

    /**
     * How a search reads one resource type: full representations ({@code T}: JSON objects, or their text for
     * {@link #searchWritten}), with the derived attributes when asked, of the resources that index probes find or of
     * a page of the creation order.
     */
    interface Loader<T> {
        /** The resources the probes find (an {@code or} of them), each once in first-seen order. */
        List<T> find(List<IndexProbe> probes, boolean derived);

        /** {@code count} resources in creation order from {@code offset} (0-based), and how many there are. */
        Found<T> page(long offset, int count, boolean derived);

        /**
         * A loader that resolves probes and pages with the repository ({@code findIds}, {@code page}), then
         * reads the ids with {@code load}, which keeps their order and skips ids that do not exist.
         */
        static Loader<JsonObject> byIds(ResourceRepository repository, Tenant tenant,
                                        BiFunction<List<String>, Boolean, List<JsonObject>> load) {
            return new Loader<>() {
                @Override
                public List<JsonObject> find(List<IndexProbe> probes, boolean derived) {
                    Set<String> candidates = new LinkedHashSet<>();
                    for (IndexProbe probe : probes) {
                        if (probe.attribute().equals("id")) {
                            candidates.add(probe.value());
                        } else {
                            candidates.addAll(repository.findIds(tenant, probe.attribute(), probe.value()));
                        }
                    }
                    return load.apply(new ArrayList<>(candidates), derived);
                }

                @Override
                public Found<JsonObject> page(long offset, int count, boolean derived) {
                    Page page = repository.page(tenant, offset, count);
                    return new Found<>(load.apply(page.ids(), derived), page.total());
                }
            };
        }
    }

    /** Rendered resources of a page (perhaps rendering as they are read), and how many resources there are in all. */
    record Found<T>(List<T> resources, long total) {
    }

    private ResourceSearch() {
    }

    /**
     * @param derivedName   the derived attribute ({@code groups} of a User, {@code members} of a Group)
     * @param derivedWriter when not null, writes each resource of the response with the derived attribute
     *                      streamed from the store, which is then read with the resources only for a filter
     *                      that names it; when null, the derived attribute is read with the resources
     */
    static ListResponse search(ResourceType type, ListQuery query, Loader<JsonObject> loader, DirectoryConfig config,
                               String derivedName, ListResponse.ResourceWriter derivedWriter) {
        int startIndex = startIndex(query);
        int count = count(query, config);
        Optional<SortSpec> sort = SortSpec.of(query.sortBy(), query.sortOrder());
        boolean wantsDerived = query.projection().wants(derivedName);
        boolean streamed = wantsDerived && derivedWriter != null;
        boolean readDerived = wantsDerived && !streamed;
        ListResponse.ResourceWriter writer = streamed ? derivedWriter : ListResponse.ResourceWriter.WHOLE;

        Filter filter = query.parsedFilter();
        if (filter == null && sort.isEmpty()) {
            Found<JsonObject> page = loader.page(startIndex - 1L, count, readDerived);
            return respond(type, query, page.resources(), page.total(), startIndex, writer);
        }

        if (filter != null) {
            EVALUATOR.validate(filter, type);
        }
        boolean derivedInFilter = filter != null && query.filter().toLowerCase(Locale.ROOT).contains(derivedName.toLowerCase(Locale.ROOT));
        List<JsonObject> matched = new ArrayList<>();
        FilterPlan plan = filter == null ? null : FilterPlanner.plan(filter, type);
        if (plan != null && !plan.isScan()) {
            List<IndexProbe> probes = new ArrayList<>(plan.lookups().size());
            for (IndexLookup lookup : plan.lookups()) {
                probes.add(probe(lookup));
            }
            for (JsonObject r : loader.find(probes, derivedInFilter || readDerived)) {
                if (EVALUATOR.matches(filter, r, type)) {
                    matched.add(r);
                }
            }
        } else {
            long total = loader.page(0, 0, false).total();
            if (total > config.scanLimit()) {
                throw ScimException.tooMany("This filter or sort needs a scan of " + total + " resources; the limit is "
                        + config.scanLimit() + ". Filter with eq on an indexed attribute (id, userName, externalId, emails.value, displayName).");
            }
            for (long offset = 0; offset < total; offset += SCAN_CHUNK) {
                for (JsonObject r : loader.page(offset, SCAN_CHUNK, derivedInFilter || readDerived).resources()) {
                    if (filter == null || EVALUATOR.matches(filter, r, type)) {
                        matched.add(r);
                    }
                }
            }
        }
        if (sort.isPresent()) {
            Comparator<JsonObject> comparator = sort.get().comparator(type);
            matched.sort(comparator);
        }
        return respond(type, query, slice(matched, startIndex, count), matched.size(), startIndex, writer);
    }

    /**
     * The answer written from resources already written whole, with their derived attributes, when the query needs
     * no resource parsed: the default projection, no sort, and no filter or one that an index answers exactly
     * ({@link FilterPlan#isExact()}: Entra ID's and Okta's {@code userName eq "…"}). Empty otherwise, for
     * {@link #search}. A bad filter has failed when the query was made (ListQuery).
     */
    static Optional<WrittenListResponse> searchWritten(ResourceType type, ListQuery query, Loader<byte[]> loader,
                                                       DirectoryConfig config) {
        if (!query.projection().isDefault() || SortSpec.of(query.sortBy(), query.sortOrder()).isPresent()) {
            return Optional.empty();
        }
        int startIndex = startIndex(query);
        int count = count(query, config);
        if (query.parsedFilter() == null) {
            Found<byte[]> page = loader.page(startIndex - 1L, count, true);
            return Optional.of(new WrittenListResponse(page.resources(), page.total(), startIndex));
        }
        FilterPlan plan = FilterPlanner.plan(query.parsedFilter(), type);
        if (!plan.isExact()) {
            return Optional.empty();
        }
        List<byte[]> matched = loader.find(List.of(probe(plan.lookups().get(0))), true);
        return Optional.of(new WrittenListResponse(slice(matched, startIndex, count), matched.size(), startIndex));
    }

    /** The index probe of a lookup: the value as the index keys it ({@code id} is a key, taken as written). */
    private static IndexProbe probe(IndexLookup lookup) {
        return new IndexProbe(lookup.attribute(), lookup.attribute().equals("id") ? lookup.value() : lookup.normalisedValue());
    }

    /** The page of all matches that {@code startIndex} (1-based) and {@code count} ask for. */
    private static <T> List<T> slice(List<T> matched, int startIndex, int count) {
        int from = (int) Math.min(matched.size(), startIndex - 1L);
        return matched.subList(from, Math.min(matched.size(), from + count));
    }

    private static int startIndex(ListQuery query) {
        return query.startIndex() == null || query.startIndex() < 1 ? 1 : query.startIndex();
    }

    private static int count(ListQuery query, DirectoryConfig config) {
        return query.count() == null ? config.filterMaxResults() : Math.max(0, Math.min(query.count(), config.filterMaxResults()));
    }

    /** The page projected as the query asks, each resource when it is written. */
    private static ListResponse respond(ResourceType type, ListQuery query, List<JsonObject> page, long total, int startIndex,
                                        ListResponse.ResourceWriter writer) {
        return new ListResponse(MappedList.of(page, r -> query.projection().apply(type, r)), total, startIndex, writer);
    }
}
