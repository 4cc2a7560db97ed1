package dev.scimbridge.scim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.scimbridge.scim.schema.SchemaRegistry;

/**
 * The {@code ListResponse} message of RFC 7644 §3.4.2, as {@link ListResponse} writes it, for resources already
 * written as UTF-8 JSON objects: the message around them is written here and each resource is copied in as it is.
 * The resources may be a lazy view ({@link MappedList}) that writes each one when it is read.
 *
 * @param resources    the page, each resource one JSON object's UTF-8 text
 * @param totalResults the number of resources matching the query
 * @param startIndex   the 1-based index of the first resource of the page
 */
public record WrittenListResponse(List<byte[]> resources, long totalResults, int startIndex) {
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMA = {','};

    /** Writes the message, reading each resource once. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(("{\"schemas\":[\"" + SchemaRegistry.LIST_RESPONSE + "\"],\"totalResults\":" + totalResults
                + ",\"startIndex\":" + startIndex + ",\"itemsPerPage\":" + resources.size() + ",\"Resources\":[")
                .getBytes(StandardCharsets.US_ASCII));
        boolean first = true;
        for (byte[] resource : resources) {
            if (!first) {
                out.write(COMMA);
            }
            out.write(resource);
            first = false;
        }
        out.write(TAIL);
    }
}
