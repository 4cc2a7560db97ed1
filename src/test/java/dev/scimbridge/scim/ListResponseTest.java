package dev.scimbridge.scim;

import static dev.scimbridge.scim.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListResponsesTest {

    @ParameterizedTest(name = "total={0} start={1} page={2}")
    @CsvSource({"0, 1, 0", "42, 11, 2", "3000000000, 1, 2"})
    void buildsListResponse(long total, int start, int perPage) {
        List<jakarta.json.JsonObject> page = perPage == 0 ? List.of() : List.of(obj("{'id':'a'}"), obj("{'id':'b'}"));
        assertEquals(obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:ListResponse'],'totalResults':" + total
                        + ",'startIndex':" + start + ",'itemsPerPage':" + perPage + ",'Resources':"
                        + (perPage == 0 ? "[]" : "[{'id':'a'},{'id':'b'}]") + "}"),
                ListResponses.listResponse(page, total, start, perPage));
    }
}
