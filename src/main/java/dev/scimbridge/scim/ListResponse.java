package dev.scimbridge.scim;

import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Builds the {@code ListResponse} message of RFC 7644 §3.4.2.
 *
 * <p>Example: {@code ListResponses.listResponse(page, 42, 11, 10)} is a page of ten resources starting at the
 * eleventh of 42 matches. {@code totalResults} counts all matches, not the page (filter, count, then page).
 */
public final class ListResponses {
    private ListResponses() {
    }

    /**
     * @param resources    the page, already projected
     * @param totalResults the number of resources matching the query
     * @param startIndex   the 1-based index of the first resource of the page
     * @param itemsPerPage the number of resources in the page
     */
    public static JsonObject listResponse(List<JsonObject> resources, long totalResults, int startIndex,
            int itemsPerPage) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        resources.forEach(array::add);
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(SchemaRegistry.LIST_RESPONSE))
                .add("totalResults", totalResults)
                .add("startIndex", startIndex)
                .add("itemsPerPage", itemsPerPage)
                .add("Resources", array)
                .build();
    }
}
