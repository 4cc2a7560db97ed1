package dev.scimbridge.scim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
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

    /** The message as a JSON object (small lists: discovery documents), written by {@link #writeTo} and read back. */
    public JsonObject toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.createGenerator(bytes)) {
            writeTo(out);
        }
        try (JsonReader in = Json.createReader(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
