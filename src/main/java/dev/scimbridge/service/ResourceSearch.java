package dev.scimbridge.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.ListResponses;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.filter.Filter;
import dev.scimbridge.scim.filter.FilterEvaluator;
import dev.scimbridge.scim.filter.FilterParser;
import dev.scimbridge.scim.filter.FilterPlan;
import dev.scimbridge.scim.filter.FilterPlanner;
import dev.scimbridge.scim.filter.IndexLookup;
import dev.scimbridge.scim.query.SortSpec;
import dev.scimbridge.scim.schema.ResourceType;
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
 */
final class ResourceSearch {
    private static final int SCAN_CHUNK = 500;
    private static final FilterEvaluator EVALUATOR = new FilterEvaluator();

    /**
     * How a search reads one resource type: the full representations of the given ids (with derived
     * attributes when asked), in order, skipping ids that do not exist.
     */
    @FunctionalInterface
    interface Loader {
        List<JsonObject> load(List<String> ids, boolean derived);
    }

    private ResourceSearch() {
    }

    static JsonObject search(ResourceType type, ListQuery query, ResourceRepository repository, Tenant tenant,
                             Loader loader, DirectoryConfig config, String derivedName) {
        int startIndex = query.startIndex() == null || query.startIndex() < 1 ? 1 : query.startIndex();
        int count = query.count() == null ? config.filterMaxResults() : Math.max(0, Math.min(query.count(), config.filterMaxResults()));
        Optional<SortSpec> sort = SortSpec.of(query.sortBy(), query.sortOrder());
        boolean wantsDerived = query.projection().wants(derivedName);

        if (blank(query.filter()) && sort.isEmpty()) {
            Page page = repository.page(tenant, startIndex - 1L, count);
            List<JsonObject> rendered = loader.load(page.ids(), wantsDerived);
            return respond(type, query, rendered, page.total(), startIndex);
        }

        Filter filter = blank(query.filter()) ? null : FilterParser.parse(query.filter());
        if (filter != null) {
            EVALUATOR.validate(filter, type);
        }
        boolean derivedInFilter = filter != null && query.filter().toLowerCase(Locale.ROOT).contains(derivedName.toLowerCase(Locale.ROOT));
        List<JsonObject> matched = new ArrayList<>();
        FilterPlan plan = filter == null ? null : FilterPlanner.plan(filter, type);
        if (plan != null && !plan.isScan()) {
            Set<String> candidates = new LinkedHashSet<>();
            for (IndexLookup lookup : plan.lookups()) {
                if (lookup.attribute().equals("id")) {
                    candidates.add(lookup.value());
                } else {
                    candidates.addAll(repository.findIds(tenant, lookup.attribute(), lookup.normalisedValue()));
                }
            }
            for (JsonObject r : loader.load(new ArrayList<>(candidates), derivedInFilter || wantsDerived)) {
                if (EVALUATOR.matches(filter, r, type)) {
                    matched.add(r);
                }
            }
        } else {
            long total = repository.page(tenant, 0, 0).total();
            if (total > config.scanLimit()) {
                throw ScimException.tooMany("This filter or sort needs a scan of " + total + " resources; the limit is "
                        + config.scanLimit() + ". Filter with eq on an indexed attribute (id, userName, externalId, emails.value, displayName).");
            }
            for (long offset = 0; offset < total; offset += SCAN_CHUNK) {
                Page page = repository.page(tenant, offset, SCAN_CHUNK);
                for (JsonObject r : loader.load(page.ids(), derivedInFilter || wantsDerived)) {
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
        int from = (int) Math.min(matched.size(), startIndex - 1L);
        int to = Math.min(matched.size(), from + count);
        return respond(type, query, matched.subList(from, to), matched.size(), startIndex);
    }

    private static JsonObject respond(ResourceType type, ListQuery query, List<JsonObject> page, long total, int startIndex) {
        List<JsonObject> projected = new ArrayList<>(page.size());
        for (JsonObject r : page) {
            projected.add(query.projection().apply(type, r));
        }
        return ListResponses.listResponse(projected, total, startIndex, projected.size());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
