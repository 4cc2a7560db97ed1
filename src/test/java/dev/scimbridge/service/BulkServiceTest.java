package dev.scimbridge.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.Json;
import dev.scimbridge.store.StoreUnavailableException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A Bulk request during a Redis outage, with a user service whose creates fail from the n-th on: before any
 * operation is done the whole request fails (503 with Retry-After, RedisOutageIT), after that the answer lists
 * the operations done, the one that met the outage (503) and none after it.
 */
class BulkServiceTest {
    final List<String> created = new ArrayList<>();

    BulkService bulk(int failFrom) {
        BulkService bulk = new BulkService();
        bulk.users = new UserService() {
            @Override
            public Versioned create(JsonObject body, String baseUrl) {
                if (created.size() + 1 >= failFrom) {
                    throw new StoreUnavailableException(new IllegalStateException("Redis went away"));
                }
                String id = "id-" + body.getString("userName");
                created.add(id);
                return new Versioned(Json.createObjectBuilder().add("id", id)
                        .add("meta", Json.createObjectBuilder().add("location", baseUrl + "/Users/" + id)).build(), 1);
            }
        };
        bulk.config = new DirectoryConfig() {
            @Override
            public int bulkMaxOperations() {
                return 100;
            }
        };
        return bulk;
    }

    static JsonObject request(String... userNames) {
        var operations = Json.createArrayBuilder();
        for (String name : userNames) {
            operations.add(Json.createObjectBuilder().add("method", "POST").add("path", "/Users").add("bulkId", name)
                    .add("data", Json.createObjectBuilder().add("userName", name)));
        }
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(BulkService.BULK_REQUEST))
                .add("Operations", operations).build();
    }

    @Test
    void anOutageAfterSomeOperationsReportsThoseDoneTheOneThatFailedAndTriesNoMore() {
        JsonArray results = bulk(3).execute(request("a", "b", "c", "d"), "https://h/scim/v2").getJsonArray("Operations");
        assertEquals(List.of("id-a", "id-b"), created);
        assertEquals(3, results.size(), results.toString());
        assertEquals("201", results.getJsonObject(0).getString("status"));
        assertEquals("https://h/scim/v2/Users/id-b", results.getJsonObject(1).getString("location"));
        JsonObject failed = results.getJsonObject(2);
        assertEquals("c", failed.getString("bulkId"));
        assertEquals("503", failed.getString("status"));
        assertEquals("503", failed.getJsonObject("response").getString("status"));
    }

    @Test
    void anOutageBeforeAnyOperationFailsTheWholeRequest() {
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> bulk(1).execute(request("a", "b"), "https://h/scim/v2"));
        assertSame(IllegalStateException.class, e.getCause().getClass());
        assertEquals(List.of(), created);
    }
}
