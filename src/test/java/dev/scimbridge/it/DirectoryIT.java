package dev.scimbridge.it;

import static dev.scimbridge.testsupport.ItEnvironment.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.scimbridge.testsupport.Await;
import dev.scimbridge.testsupport.ItEnvironment;
import dev.scimbridge.testsupport.ScimClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Users and Groups end to end over HTTP against Liberty and Redis, checking what Redis holds
 * afterwards: records encrypted, indexes blind, memberships in both directions, one event per write.
 */
class DirectoryIT {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static ScimClient scim;
    private static RedisClient redis;

    @BeforeAll
    static void connect() {
        scim = ScimClient.forItServer();
        redis = RedisClient.create(URI.create(ItEnvironment.redisUrl()));
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createUser(String userName) {
        HttpResponse<String> created = scim.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName
                + "\",\"name\":{\"givenName\":\"Secret\",\"familyName\":\"Person\"},"
                + "\"emails\":[{\"type\":\"work\",\"value\":\"" + userName + "@example.com\",\"primary\":true}],"
                + "\"password\":\"Pa55word!\",\"externalId\":\"ext-" + userName + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return json(created.body()).getString("id");
    }

    /** A GET over a plain socket, so that the request can name its own Host; the answer as text. */
    private static String getWithHost(String host, String path) throws Exception {
        URI server = URI.create(ItEnvironment.baseUrl());
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nAuthorization: Bearer " + ItEnvironment.token()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The JSON body of an answer {@link #getWithHost} read. */
    private static JsonObject bodyOf(String answer) {
        return json(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void metaLocationFollowsTheHostOfEachRequest() throws Exception {
        String id = createUser(unique("Host.Check"));
        for (String host : List.of("scim-a.example:8443", "scim-b.example", "scim-a.example:8443")) {
            String answer = getWithHost(host, "/scim/v2/Users/" + id);
            assertTrue(answer.startsWith("HTTP/1.") && answer.contains(" 200 "), answer);
            JsonObject body = bodyOf(answer);
            assertEquals("http://" + host + "/scim/v2/Users/" + id, body.getJsonObject("meta").getString("location"), host);
        }
    }

    @Test
    void aMalformedPercentEscapeInTheQueryIsA400ScimError() throws Exception {
        String id = createUser(unique("Escape.Check"));
        String host = URI.create(ItEnvironment.baseUrl()).getAuthority();
        for (String path : List.of("/scim/v2/Users?filter=userName%zzeq", "/scim/v2/Users/" + id + "?attributes=userName%2")) {
            String answer = getWithHost(host, path);
            assertTrue(answer.startsWith("HTTP/1.") && answer.contains(" 400 "), answer);
            JsonObject body = bodyOf(answer);
            assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0), path);
            assertEquals("400", body.getString("status"), path);
        }
        String encoded = getWithHost(host, "/scim/v2/Users?filter=id%20eq%20%22" + id + "%22&attributes=userName");
        assertTrue(encoded.contains(" 200 "), encoded);
        assertEquals(1, bodyOf(encoded).getInt("totalResults"));
    }

    @Test
    void createReturnsTheResourceWithLocationAndEtagAndStoresItEncrypted() {
        String userName = unique("Alice.Example");
        HttpResponse<String> created = scim.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName
                + "\",\"emails\":[{\"type\":\"work\",\"value\":\"" + userName + "@example.com\"}],\"password\":\"Pa55word!\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"));
        JsonObject body = json(created.body());
        String id = body.getString("id");
        assertEquals(userName, body.getString("userName"));
        assertFalse(body.containsKey("password"), "password is never returned");
        assertEquals("User", body.getJsonObject("meta").getString("resourceType"));
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/scim/v2/Users/" + id));
        assertEquals(body.getJsonObject("meta").getString("version"), created.headers().firstValue("ETag").orElseThrow());
        assertEquals("invited", body.getJsonObject(ScimClient.BRIDGE_USER).getString("state"));
        assertEquals(body.getJsonObject("meta").getString("location"), created.headers().firstValue("Location").orElseThrow());

        // Under the default projection the answer is written from the record's text; under another, built as a
        // resource: the same answer for the same request.
        String otherName = unique("Alice.Other");
        HttpResponse<String> projected = scim.post("/Users?excludedAttributes=password", "{\"schemas\":[\"" + USER + "\"],\"userName\":\""
                + otherName + "\",\"emails\":[{\"type\":\"work\",\"value\":\"" + userName + "@example.com\"}],\"password\":\"Pa55word!\"}");
        assertEquals(201, projected.statusCode(), projected.body());
        JsonObject other = json(projected.body());
        String otherId = other.getString("id");
        assertEquals(body.getJsonObject("meta").getString("location").replace(id, otherId), projected.headers().firstValue("Location").orElseThrow());
        assertEquals(jakarta.json.Json.createObjectBuilder(body).remove("meta").remove("id").add("userName", otherName).build(),
                jakarta.json.Json.createObjectBuilder(other).remove("meta").remove("id").build());
        assertEquals(body.getJsonObject("meta").keySet(), other.getJsonObject("meta").keySet());

        // Redis holds the user, but no name, email or password in clear.
        List<String> keys = keysContaining(id);
        assertTrue(keys.stream().anyMatch(k -> k.endsWith(":user:" + id)), keys.toString());
        String dump = dumpAccount();
        assertFalse(dump.contains(userName), "userName in clear in Redis");
        assertFalse(dump.toLowerCase().contains(userName.toLowerCase()), "userName in clear in Redis");
        assertFalse(dump.contains("Pa55word!"), "password in Redis");
    }

    @Test
    void unknownIdsAndPathsAreScimErrors() {
        HttpResponse<String> user = scim.get("/Users/" + UUID.randomUUID());
        assertEquals(404, user.statusCode());
        assertEquals("404", json(user.body()).getString("status"));
        HttpResponse<String> path = scim.get("/NoSuchResource");
        assertEquals(404, path.statusCode());
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", json(path.body()).getJsonArray("schemas").getString(0));
        HttpResponse<String> me = scim.get("/Me");
        assertEquals(501, me.statusCode());
    }

    @Test
    void theBuiltInProvisionManagersGroupAndManagerAreInvisible() {
        JsonObject groups = json(scim.get("/Groups?filter=" + java.net.URLEncoder.encode("displayName eq \"Provision Managers\"",
                StandardCharsets.UTF_8)).body());
        assertEquals(0, groups.getInt("totalResults"));
        // The account is bootstrapped on an authenticated request (retried if Redis was down meanwhile).
        String managerGroupId = Await.until("the account's bootstrap", Duration.ofSeconds(30), () -> {
            scim.get("/ServiceProviderConfig");
            return redis.hget(accountPrefix() + "account", "managersGroup");
        }, Objects::nonNull);
        String managerId = redis.hget(accountPrefix() + "account", "managerUser");
        assertTrue(managerId != null, "the account was bootstrapped");
        assertEquals(404, scim.get("/Groups/" + managerGroupId).statusCode());
        assertEquals(404, scim.delete("/Groups/" + managerGroupId).statusCode());
        assertEquals(404, scim.get("/Users/" + managerId).statusCode());
        assertTrue(redis.sismember(accountPrefix() + "builtin:group:" + managerGroupId + ":members", managerId));
    }

    @Test
    void userNameIsUniqueCaseInsensitively() {
        String userName = unique("Bob");
        createUser(userName);
        HttpResponse<String> dup = scim.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName.toUpperCase() + "\"}");
        assertEquals(409, dup.statusCode());
        assertEquals("uniqueness", json(dup.body()).getString("scimType"));
    }

    @Test
    void filterByIndexedAttributesFindsExactlyTheUser() {
        String userName = unique("carol");
        String id = createUser(userName);
        for (String filter : List.of("userName eq \"" + userName.toUpperCase() + "\"", "externalId eq \"ext-" + userName + "\"",
                "emails[type eq \"work\"].value eq \"" + userName + "@example.com\"", "id eq \"" + id + "\"")) {
            HttpResponse<String> found = scim.get("/Users?filter=" + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8));
            assertEquals(200, found.statusCode(), filter + ": " + found.body());
            JsonObject list = json(found.body());
            assertEquals(1, list.getInt("totalResults"), filter);
            assertEquals(id, list.getJsonArray("Resources").getJsonObject(0).getString("id"), filter);
            assertEquals(String.valueOf(found.body().getBytes(StandardCharsets.UTF_8).length),
                    found.headers().firstValue("Content-Length").orElse("chunked"), "a small page is sent whole, with its length");
        }
    }

    @Test
    void anOrOfUserNamesAndAnEmailOfTwoUsersFindEachUserOnce() {
        String a = unique("gina");
        String b = unique("hank");
        String idA = createUser(a);
        String idB = createUser(b);
        assertEquals(java.util.Set.of(idA, idB), ids(list("userName eq \"" + a + "\" or userName eq \"" + b.toUpperCase() + "\""), 2));
        assertEquals(java.util.Set.of(idA), ids(list("userName eq \"" + a + "\" or id eq \"" + idA + "\""), 1));

        String shared = unique("shared") + "@example.com";
        String c = createUserWithEmail(unique("ivan"), shared);
        String d = createUserWithEmail(unique("jill"), shared.toUpperCase());
        assertEquals(java.util.Set.of(c, d), ids(list("emails.value eq \"" + shared + "\""), 2));
        // the index finds both, the filter keeps the one whose userName also matches
        assertEquals(java.util.Set.of(c), ids(list("emails.value eq \"" + shared + "\" and userName eq \""
                + json(scim.get("/Users/" + c).body()).getString("userName") + "\""), 1));
    }

    @Test
    void groupsCarryDisplayNamesAndADeletedGroupLeavesThem() {
        String userName = unique("kim");
        String userId = createUser(userName);
        // The confirmation watcher gives a new user a new version within 2 s: wait for it, so that the
        // ETags compared below are not split by it.
        scim.awaitUserState(userId, "active", Duration.ofSeconds(30));
        String keptName = unique("Kept");
        String kept = createGroup(keptName, List.of(userId));
        String goneName = unique("Gone");
        String gone = createGroup(goneName, List.of(userId));
        Map<String, String> both = new java.util.TreeMap<>(Map.of(kept, keptName, gone, goneName));
        assertEquals(both, groupsOf(json(scim.get("/Users/" + userId).body())));
        JsonObject found = list("userName eq \"" + userName + "\"");
        assertEquals(both, groupsOf(found.getJsonArray("Resources").getJsonObject(0)));

        assertEquals(204, scim.delete("/Groups/" + gone).statusCode());
        assertEquals(Map.of(kept, keptName), groupsOf(json(scim.get("/Users/" + userId).body())));
        assertEquals(Map.of(kept, keptName), groupsOf(list("userName eq \"" + userName + "\"").getJsonArray("Resources").getJsonObject(0)));
        HttpResponse<String> patched = scim.patch("/Users/" + userId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Kim\"}]}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(Map.of(kept, keptName), groupsOf(json(patched.body())));
        assertEquals(patched.headers().firstValue("ETag"), scim.get("/Users/" + userId).headers().firstValue("ETag"));

        assertFalse(json(scim.get("/Users/" + userId + "?excludedAttributes=groups").body()).containsKey("groups"));
        JsonObject projected = list("userName eq \"" + userName + "\"", "&attributes=userName");
        assertFalse(projected.getJsonArray("Resources").getJsonObject(0).containsKey("groups"));

        // An id naming another of the resource's keys (user:<id>:groups is a SET) is no resource: 404, not a Redis type error.
        for (String path : List.of("/Users/" + userId + ":groups", "/Users/" + userId + ":groups?excludedAttributes=groups",
                "/Groups/" + kept + ":members", "/Groups/" + kept + ":members?excludedAttributes=members")) {
            HttpResponse<String> other = scim.get(path);
            assertEquals(404, other.statusCode(), path + " " + other.body());
            assertEquals("404", json(other.body()).getString("status"));
        }
        assertEquals(404, scim.delete("/Users/" + userId + ":groups").statusCode());
        assertEquals(404, scim.delete("/Groups/" + kept + ":members").statusCode());
        HttpResponse<String> notAUser = scim.patch("/Groups/" + kept, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId + ":groups\"}]}]}");
        assertEquals(400, notAUser.statusCode(), notAUser.body());
        assertEquals("invalidValue", json(notAUser.body()).getString("scimType"));
        assertEquals(200, scim.get("/Users/" + userId).statusCode(), "the user is untouched");
        assertEquals(Map.of(kept, keptName), groupsOf(json(scim.get("/Users/" + userId).body())));

        // Group records are opened once per version (OpenedGroups): a rename shows at once in the user's groups.
        String renamed = unique("Renamed");
        assertEquals(204, scim.patch("/Groups/" + kept, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + renamed + "\"}]}").statusCode());
        assertEquals(Map.of(kept, renamed), groupsOf(json(scim.get("/Users/" + userId).body())));
        assertEquals(Map.of(kept, renamed), groupsOf(list("userName eq \"" + userName + "\"").getJsonArray("Resources").getJsonObject(0)));
    }

    @Test
    void patchSuspendsKeepsMembershipsAndBumpsTheVersion() {
        String userId = createUser(unique("dave"));
        String groupId = createGroup(unique("Engineering"), List.of(userId));
        HttpResponse<String> before = scim.get("/Users/" + userId);
        HttpResponse<String> patched = scim.patch("/Users/" + userId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertEquals(200, patched.statusCode(), patched.body());
        JsonObject user = json(patched.body());
        assertEquals(false, user.getBoolean("active"));
        assertNotEquals(before.headers().firstValue("ETag"), patched.headers().firstValue("ETag"));
        assertEquals(groupId, user.getJsonArray("groups").getJsonObject(0).getString("value"));
        assertTrue(redis.sismember(accountKey("group:" + groupId + ":members"), userId));
        assertEquals("user.suspended", lastEvent(userId).get("type"));
    }

    @Test
    void groupMembershipDeltasAndCascadingDelete() {
        String a = createUser(unique("erin"));
        String b = createUser(unique("frank"));
        String groupId = createGroup(unique("Ops"), List.of(a));
        HttpResponse<String> add = scim.patch("/Groups/" + groupId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + b + "\"}]}]}");
        assertEquals(204, add.statusCode(), add.body());
        assertEquals(2, redis.scard(accountKey("group:" + groupId + ":members")));
        assertTrue(redis.sismember(accountKey("user:" + b + ":groups"), groupId));

        HttpResponse<String> noMembers = scim.get("/Groups/" + groupId + "?excludedAttributes=members");
        assertFalse(json(noMembers.body()).containsKey("members"));

        HttpResponse<String> remove = scim.patch("/Groups/" + groupId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}]}");
        assertEquals(204, remove.statusCode(), remove.body());
        assertEquals(java.util.Set.of(b), redis.smembers(accountKey("group:" + groupId + ":members")));

        // attributes asks for the group back (RFC 7644 §3.5.2): 200 with what it names, and the write done
        HttpResponse<String> readd = scim.patch("/Groups/" + groupId + "?attributes=members",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}]}");
        assertEquals(200, readd.statusCode(), readd.body());
        JsonObject back = json(readd.body());
        assertEquals(groupId, back.getString("id"));
        assertFalse(back.containsKey("displayName"), readd.body());
        assertEquals(java.util.Set.of(a, b), back.getJsonArray("members").stream()
                .map(m -> m.asJsonObject().getString("value")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(java.util.Set.of(a, b), redis.smembers(accountKey("group:" + groupId + ":members")));
        HttpResponse<String> removeAgain = scim.patch("/Groups/" + groupId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}]}");
        assertEquals(204, removeAgain.statusCode(), removeAgain.body());
        assertEquals(java.util.Set.of(b), redis.smembers(accountKey("group:" + groupId + ":members")));

        HttpResponse<String> unknown = scim.patch("/Groups/" + groupId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"no-such-user\"}]}]}");
        assertEquals(400, unknown.statusCode());
        assertEquals("invalidValue", json(unknown.body()).getString("scimType"));
        assertTrue(json(unknown.body()).getString("detail").contains("no-such-user"));

        assertEquals(204, scim.delete("/Users/" + b).statusCode());
        assertEquals(0, redis.scard(accountKey("group:" + groupId + ":members")));
        assertFalse(redis.exists(accountKey("user:" + b)));
        assertEquals(404, scim.get("/Users/" + b).statusCode());

        assertEquals(204, scim.delete("/Groups/" + groupId).statusCode());
        assertFalse(redis.exists(accountKey("group:" + groupId)));
        assertFalse(redis.sismember(accountKey("user:" + a + ":groups"), groupId));
    }

    @Test
    void bulkResolvesBulkIdsAndReportsEachOperation() {
        String userName = unique("bulk");
        String groupName = unique("BulkGroup");
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"failOnErrors\":5,\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g1\",\"data\":{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + groupName
                + "\",\"members\":[{\"value\":\"bulkId:u1\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u2\",\"data\":{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\"}}]}";
        HttpResponse<String> response = scim.post("/Bulk", body);
        assertEquals(200, response.statusCode(), response.body());
        var ops = json(response.body()).getJsonArray("Operations");
        assertEquals("201", ops.getJsonObject(0).getString("status"));
        assertEquals("201", ops.getJsonObject(1).getString("status"));
        assertEquals("409", ops.getJsonObject(2).getString("status"));
        assertEquals("uniqueness", ops.getJsonObject(2).getJsonObject("response").getString("scimType"));
        String userLocation = ops.getJsonObject(0).getString("location");
        String userId = userLocation.substring(userLocation.lastIndexOf('/') + 1);
        String groupLocation = ops.getJsonObject(1).getString("location");
        String groupId = groupLocation.substring(groupLocation.lastIndexOf('/') + 1);
        assertEquals(java.util.Set.of(userId), redis.smembers(accountKey("group:" + groupId + ":members")));

        // A path naming the group's members SET in Redis, not a group: 404 for that operation only.
        HttpResponse<String> second = scim.post("/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                + "{\"method\":\"PATCH\",\"path\":\"/Groups/" + groupId + ":members\",\"data\":{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId + "\"}]}]}}]}");
        assertEquals(200, second.statusCode(), second.body());
        assertEquals("404", json(second.body()).getJsonArray("Operations").getJsonObject(0).getString("status"), second.body());
        assertEquals(java.util.Set.of(userId), redis.smembers(accountKey("group:" + groupId + ":members")));
    }

    @Test
    void oversizedBodiesAre413AndMalformedJsonIs400() {
        String big = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> tooLarge = scim.post("/Users", big);
        assertEquals(413, tooLarge.statusCode());
        assertEquals("413", json(tooLarge.body()).getString("status"));
        HttpResponse<String> malformed = scim.post("/Users", "{\"userName\": ");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals("invalidSyntax", json(malformed.body()).getString("scimType"));
    }

    @Test
    void aLargeGroupStreamsAllItsMembersExactlyOnce() {
        List<String> ids = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            StringBuilder ops = new StringBuilder();
            for (int i = 0; i < 700; i++) {
                ops.append(ops.length() == 0 ? "" : ",").append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b")
                        .append(i).append("\",\"data\":{\"schemas\":[\"").append(USER).append("\"],\"userName\":\"")
                        .append(unique("member")).append("\"}}");
            }
            HttpResponse<String> bulk = scim.post("/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[" + ops + "]}");
            assertEquals(200, bulk.statusCode(), bulk.body());
            json(bulk.body()).getJsonArray("Operations").forEach(op -> {
                String location = op.asJsonObject().getString("location");
                ids.add(location.substring(location.lastIndexOf('/') + 1));
            });
        }
        String groupId = createGroup(unique("Everyone"), List.of());
        for (int from = 0; from < ids.size(); from += 700) {
            StringBuilder values = new StringBuilder();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 700))) {
                values.append(values.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
            }
            assertEquals(204, scim.patch("/Groups/" + groupId, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[" + values + "]}]}").statusCode());
        }
        HttpResponse<String> full = scim.get("/Groups/" + groupId);
        assertEquals(200, full.statusCode());
        assertTrue(full.headers().firstValue("ETag").isPresent());
        JsonObject group = json(full.body());
        java.util.Set<String> members = new java.util.HashSet<>();
        group.getJsonArray("members").forEach(m -> assertTrue(members.add(m.asJsonObject().getString("value")), "listed once"));
        assertEquals(new java.util.HashSet<>(ids), members);
        assertTrue(group.containsKey("displayName"));

        JsonObject onlyMembers = json(scim.get("/Groups/" + groupId + "?attributes=members").body());
        assertFalse(onlyMembers.containsKey("displayName"));
        assertEquals(ids.size(), onlyMembers.getJsonArray("members").size());
        JsonObject onlyIds = json(scim.get("/Groups/" + groupId + "?attributes=members.value").body());
        assertEquals(ids.size(), onlyIds.getJsonArray("members").size());
        onlyIds.getJsonArray("members").forEach(m -> assertEquals(java.util.Set.of("value"), m.asJsonObject().keySet()));
        JsonObject withoutRefs = json(scim.get("/Groups?excludedAttributes=members.$ref&filter="
                + java.net.URLEncoder.encode("id eq \"" + groupId + "\"", StandardCharsets.UTF_8)).body())
                .getJsonArray("Resources").getJsonObject(0);
        assertEquals(ids.size(), withoutRefs.getJsonArray("members").size());
        withoutRefs.getJsonArray("members").forEach(m -> assertEquals(java.util.Set.of("value", "type"), m.asJsonObject().keySet()));

        // A list page and POST /.search stream the members the same way; a group without members has none.
        String byId = java.net.URLEncoder.encode("id eq \"" + groupId + "\"", StandardCharsets.UTF_8);
        HttpResponse<String> list = scim.get("/Groups?filter=" + byId);
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(members, memberValues(json(list.body()).getJsonArray("Resources").getJsonObject(0)));
        HttpResponse<String> search = scim.post("/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"id eq \\\"" + groupId + "\\\"\"}");
        assertEquals(200, search.statusCode(), search.body());
        JsonObject found = json(search.body());
        assertEquals(1, found.getInt("totalResults"), search.body());
        assertEquals(members, memberValues(found.getJsonArray("Resources").getJsonObject(0)));
        String emptyId = createGroup(unique("Nobody"), List.of());
        JsonObject empty = json(scim.get("/Groups?filter=" + java.net.URLEncoder.encode("id eq \"" + emptyId + "\"",
                StandardCharsets.UTF_8)).body()).getJsonArray("Resources").getJsonObject(0);
        assertEquals(emptyId, empty.getString("id"));
        assertFalse(empty.containsKey("members"), empty.toString());
    }

    private static java.util.Set<String> memberValues(JsonObject group) {
        java.util.Set<String> values = new java.util.HashSet<>();
        group.getJsonArray("members").forEach(m -> assertTrue(values.add(m.asJsonObject().getString("value")), "listed once"));
        return values;
    }

    @Test
    void listPagesInAStableOrderWithIntegerCounts() {
        for (int i = 0; i < 3; i++) {
            createUser(unique("page"));
        }
        JsonObject first = json(scim.get("/Users?startIndex=1&count=2").body());
        JsonObject second = json(scim.get("/Users?startIndex=3&count=2").body());
        assertEquals(2, first.getInt("itemsPerPage"));
        assertEquals(1, first.getInt("startIndex"));
        assertEquals(first.getInt("totalResults"), second.getInt("totalResults"));
        List<String> ids = new ArrayList<>();
        first.getJsonArray("Resources").forEach(r -> ids.add(r.asJsonObject().getString("id")));
        second.getJsonArray("Resources").forEach(r -> assertFalse(ids.contains(r.asJsonObject().getString("id"))));
    }

    /**
     * Pages and exact index look-ups under the default projection are written from the records' text (UserResource):
     * each answer equals the one the general path gives, which parses, evaluates and projects; that path is taken
     * here by a filter the index does not answer exactly, or by a projection other than the default.
     */
    @Test
    void listsWrittenFromTheRecordsEqualTheParsedOnes() {
        String userName = unique("Łukasz");
        String id = createUser(userName);
        // the confirmation watcher changes a new user's version within seconds: let it, so two reads compare
        scim.awaitUserState(id, "active", Duration.ofSeconds(30));
        String groupName = unique("Wrïtten");
        String group = createGroup(groupName, List.of(id));
        for (String exact : List.of("userName eq \"" + userName.toUpperCase(java.util.Locale.ROOT) + "\"", "externalId eq \"ext-" + userName + "\"",
                "id eq \"" + id + "\"", "emails.value eq \"" + userName + "@example.com\"")) {
            JsonObject written = list(exact);
            assertEquals(1, written.getInt("totalResults"), exact + ": " + written);
            assertEquals(Map.of(group, groupName), groupsOf(written.getJsonArray("Resources").getJsonObject(0)));
            assertEquals(list("(" + exact + ") and id pr"), written, exact);
            assertEquals(list("(" + exact + ") and id pr", "&startIndex=2"), list(exact, "&startIndex=2"), exact);
            assertEquals(list("(" + exact + ") and id pr", "&count=0"), list(exact, "&count=0"), exact);
            HttpResponse<String> searched = scim.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                    + "\"filter\":\"" + exact.replace("\"", "\\\"") + "\"}");
            assertEquals(200, searched.statusCode(), searched.body());
            assertEquals(written, json(searched.body()));
        }
        assertEquals(0, list("userName eq \"" + unique("nobody") + "\"").getInt("totalResults"));

        long total = json(scim.get("/Users?count=0").body()).getInt("totalResults");
        for (String page : List.of("?startIndex=1&count=3", "?startIndex=" + (total - 1) + "&count=5", "?count=0", "?startIndex=" + (total + 5))) {
            // other tests' newest users may still be confirmed between the two reads: read both until they agree
            Await.until("the written and the parsed page " + page, Duration.ofSeconds(30), () -> {
                HttpResponse<String> written = scim.get("/Users" + page);
                assertEquals(200, written.statusCode(), page + ": " + written.body());
                return List.of(json(written.body()), json(scim.get("/Users" + page + "&excludedAttributes=password").body()));
            }, both -> both.get(0).equals(both.get(1)), both -> both.get(0) + " against " + both.get(1));
        }
        JsonObject last = json(scim.get("/Users?startIndex=" + total + "&count=1").body());
        assertEquals(1, last.getInt("itemsPerPage"));
        JsonObject newest = last.getJsonArray("Resources").getJsonObject(0);
        assertEquals(json(scim.get("/Users/" + newest.getString("id")).body()), newest, "a page holds each user as GET by id gives it");
    }

    private static String createUserWithEmail(String userName, String email) {
        HttpResponse<String> created = scim.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName
                + "\",\"emails\":[{\"type\":\"work\",\"value\":\"" + email + "\"}]}");
        assertEquals(201, created.statusCode(), created.body());
        return json(created.body()).getString("id");
    }

    private static JsonObject list(String filter, String... more) {
        HttpResponse<String> response = scim.get("/Users?filter=" + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8)
                + String.join("", more));
        assertEquals(200, response.statusCode(), filter + ": " + response.body());
        return json(response.body());
    }

    /** The ids of a list response's resources, checking {@code totalResults} and that each id comes once. */
    private static java.util.Set<String> ids(JsonObject list, int expected) {
        assertEquals(expected, list.getInt("totalResults"), list.toString());
        java.util.Set<String> ids = new java.util.HashSet<>();
        list.getJsonArray("Resources").forEach(r -> assertTrue(ids.add(r.asJsonObject().getString("id")), "listed once"));
        return ids;
    }

    /** A user's {@code groups} as value -&gt; display, checking they come sorted by value. */
    private static Map<String, String> groupsOf(JsonObject user) {
        Map<String, String> groups = new java.util.LinkedHashMap<>();
        user.getJsonArray("groups").forEach(g -> groups.put(g.asJsonObject().getString("value"), g.asJsonObject().getString("display")));
        assertEquals(groups.keySet().stream().sorted().toList(), List.copyOf(groups.keySet()), "sorted by value");
        return groups;
    }

    private static String createGroup(String displayName, List<String> members) {
        StringBuilder m = new StringBuilder();
        for (String id : members) {
            m.append(m.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        HttpResponse<String> created = scim.post("/Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + displayName
                + "\",\"members\":[" + m + "]}");
        assertEquals(201, created.statusCode(), created.body());
        return json(created.body()).getString("id");
    }

    /** The IT server's account: the id in the (clear) header of the scimsession the build generated. */
    private static String accountPrefix() {
        try {
            String session = Files.readString(Path.of(ItEnvironment.required("scim.it.sessionFile")));
            String accountId = json(session).getJsonObject("account").getString("id");
            return "scim:{" + accountId + "}:";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String accountKey(String suffix) {
        return accountPrefix() + suffix;
    }

    private static List<String> keysContaining(String text) {
        List<String> out = new ArrayList<>();
        String cursor = "0";
        do {
            ScanResult<String> r = redis.scan(cursor, new ScanParams().match(accountPrefix() + "*").count(1000));
            r.getResult().stream().filter(k -> k.contains(text)).forEach(out::add);
            cursor = r.getCursor();
        } while (!cursor.equals("0"));
        return out;
    }

    /** Every value and field of the account's hashes and strings, as text. */
    private static String dumpAccount() {
        StringBuilder dump = new StringBuilder();
        String cursor = "0";
        do {
            ScanResult<String> r = redis.scan(cursor, new ScanParams().match(accountPrefix() + "*").count(1000));
            for (String key : r.getResult()) {
                dump.append(key).append('\n');
                switch (redis.type(key)) {
                    case "hash" -> redis.hgetAll(key).forEach((f, v) -> dump.append(f).append('=').append(v).append('\n'));
                    case "string" -> dump.append(redis.get(key)).append('\n');
                    case "set" -> redis.smembers(key).forEach(v -> dump.append(v).append('\n'));
                    default -> { }
                }
            }
            cursor = r.getCursor();
        } while (!cursor.equals("0"));
        return dump.toString();
    }

    private static Map<String, String> lastEvent(String id) {
        List<StreamEntry> entries = redis.xrevrange(accountKey("events"), (StreamEntryID) null, (StreamEntryID) null, 50);
        return entries.stream().map(StreamEntry::getFields).filter(f -> id.equals(f.get("id"))).findFirst().orElseThrow();
    }
}
