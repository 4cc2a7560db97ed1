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
 * <p>A {@link ResourceWriter} other than {@link ResourceWriter#WHOLE} may add to a resource while writing
 * it: a group's members are streamed from the store after its other attributes.
 *
 * @param resources    the page, projected (or projecting as it is read)
 * @param totalResults the number of resources matching the query
 * @param startIndex   the 1-based index of the first resource of the page
 * @param writer       how each resource is written
 */
public record ListResponse(List<JsonObject> resources, long totalResults, int startIndex, ResourceWriter writer) {

    /** Writes one resource of a page into the generator. */
    @FunctionalInterface
    public interface ResourceWriter {
        /** The resource as it is. */
        ResourceWriter WHOLE = (resource, out) -> out.write(resource);

        void write(JsonObject resource, JsonGenerator out);
    }

    /** A page whose resources are written as they are. */
    public ListResponse(List<JsonObject> resources, long totalResults, int startIndex) {
        this(resources, totalResults, startIndex, ResourceWriter.WHOLE);
    }

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
            writer.write(resource, out);
        }
        out.writeEnd().writeEnd();
    }

    /**
     * The message as a JSON object (small lists: discovery documents, tests).
     *
     * @throws IllegalStateException when the writer adds to the resources: only {@link #writeTo} has them whole
     */
    public JsonObject toJson() {
        if (writer != ResourceWriter.WHOLE) {
            throw new IllegalStateException("a page whose resources are completed while written has no JSON object form");
        }
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
