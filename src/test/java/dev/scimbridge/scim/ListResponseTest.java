package dev.scimbridge.scim;

import static dev.scimbridge.scim.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListResponseTest {

    @ParameterizedTest(name = "total={0} start={1} page={2}")
    @CsvSource({"0, 1, 0", "42, 11, 2", "3000000000, 1, 2"})
    void writesAndBuildsTheSameMessage(long total, int start, int perPage) {
        List<JsonObject> page = perPage == 0 ? List.of() : List.of(obj("{'id':'a'}"), obj("{'id':'b','name':{'givenName':'Ünïcode'}}"));
        JsonObject expected = obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:ListResponse'],'totalResults':" + total
                + ",'startIndex':" + start + ",'itemsPerPage':" + perPage + ",'Resources':"
                + (perPage == 0 ? "[]" : "[{'id':'a'},{'id':'b','name':{'givenName':'Ünïcode'}}]") + "}");
        ListResponse list = new ListResponse(page, total, start);
        assertEquals(expected, list.toJson());
        assertEquals(expected, written(list));
        List<byte[]> text = page.stream().map(r -> r.toString().getBytes(StandardCharsets.UTF_8)).toList();
        assertEquals(expected, written(new WrittenListResponse(text, total, start)));
    }

    @Test
    void aWrittenPageWritesEachResourceWhenReadAndCopiesItAsItIs() throws IOException {
        List<String> read = new ArrayList<>();
        List<byte[]> view = MappedList.of(List.of("a", "b", "c"), id -> {
            read.add(id);
            return ("{\"id\":\"" + id + "\", \"x\":1}").getBytes(StandardCharsets.UTF_8);
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new WrittenListResponse(view, 7, 2).writeTo(bytes);
        assertEquals(List.of("a", "b", "c"), read, "each resource read once, in order");
        assertEquals("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":7,\"startIndex\":2,"
                + "\"itemsPerPage\":3,\"Resources\":[{\"id\":\"a\", \"x\":1},{\"id\":\"b\", \"x\":1},{\"id\":\"c\", \"x\":1}]}",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMappedViewMapsEachElementWhenReadAndKeepsNothing() {
        List<String> mapped = new ArrayList<>();
        List<JsonObject> view = MappedList.of(List.of("a", "b", "c"), id -> {
            mapped.add(id);
            return obj("{'id':'" + id + "'}");
        });
        assertEquals(3, view.size());
        assertEquals(List.of(), mapped, "size() mapped elements");
        assertEquals(obj("{'id':'b'}"), view.get(1));
        assertEquals(obj("{'id':'b'}"), view.get(1));
        assertEquals(List.of("b", "b"), mapped);
        assertThrows(UnsupportedOperationException.class, () -> view.add(obj("{}")));

        mapped.clear();
        JsonObject out = written(new ListResponse(view, 3, 1));
        assertEquals(List.of("a", "b", "c"), mapped, "writing reads each resource once, in order");
        assertEquals(3, out.getJsonArray("Resources").size());
        assertEquals(3, out.getInt("itemsPerPage"));
    }

    @Test
    void aWriterCompletesEachResourceWhileItIsWritten() {
        ListResponse.ResourceWriter withTail = (resource, out) -> {
            out.writeStartObject();
            resource.forEach(out::write);
            out.writeStartArray("members").writeStartObject().write("value", "u-" + resource.getString("id")).writeEnd().writeEnd();
            out.writeEnd();
        };
        ListResponse list = new ListResponse(List.of(obj("{'id':'a'}"), obj("{'id':'b','displayName':'B'}")), 2, 1, withTail);
        assertEquals(obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:ListResponse'],'totalResults':2,'startIndex':1,"
                + "'itemsPerPage':2,'Resources':[{'id':'a','members':[{'value':'u-a'}]},"
                + "{'id':'b','displayName':'B','members':[{'value':'u-b'}]}]}"), written(list));
        assertEquals(written(list), list.toJson());
    }

    private static JsonObject written(WrittenListResponse list) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            list.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jakarta.json.Json.createReader(new StringReader(bytes.toString(StandardCharsets.UTF_8))).readObject();
    }

    private static JsonObject written(ListResponse list) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = Json.createGenerator(bytes)) {
            list.writeTo(generator);
        }
        return jakarta.json.Json.createReader(new StringReader(bytes.toString(StandardCharsets.UTF_8))).readObject();
    }
}
