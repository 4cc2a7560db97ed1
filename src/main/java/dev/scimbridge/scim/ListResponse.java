package dev.scimbridge.scim;

import java.util.List;

import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;

/**
 * The {@code ListResponse} message of RFC 7644 §3.4.2. {@code totalResults} counts all matches, not the
 * page (filter, count, then page); {@code startIndex} is the 1-based index of the page's first resource.
 *
 * <p>The resources may be a lazy view ({@link MappedList}): {@link #writeTo} renders and writes them one at
 * a time, so a page of 100 users never exists as one JSON tree or one string.
 *
 * @param resources    the page, projected (or projecting as it is read)
 * @param totalResults the number of resources matching the query
 * @param startIndex   the 1-based index of the first resource of the page
 */
public record ListResponse(List<JsonObject> resources, long totalResults, int startIndex) {

    /** The number of resources in the page. */
    public int itemsPerPage() {
        return resources.size();
    }

    /** Writes the message as one JSON object, reading each resource once. */
    public void writeTo(JsonGenerator out) {
        out.writeStartObject()
                .writeStartArray("schemas").write(SchemaRegistry.LIST_RESPONSE).writeEnd()
                .write("totalResults", totalResults)
                .write("startIndex", startIndex)
                .write("itemsPerPage", itemsPerPage())
                .writeStartArray("Resources");
        for (JsonObject resource : resources) {
            out.write(resource);
        }
        out.writeEnd().writeEnd();
    }

    /** The message as a JSON object (small lists: discovery documents, tests). */
    public JsonObject toJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        resources.forEach(array::add);
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(SchemaRegistry.LIST_RESPONSE))
                .add("totalResults", totalResults)
                .add("startIndex", startIndex)
                .add("itemsPerPage", itemsPerPage())
                .add("Resources", array)
                .build();
    }
}
