package dev.scimbridge.conformance;

import static dev.scimbridge.conformance.ScimAssertions.assertEmptyList;
import static dev.scimbridge.conformance.ScimAssertions.assertEtagMatchesVersion;
import static dev.scimbridge.conformance.ScimAssertions.assertExactlyOne;
import static dev.scimbridge.conformance.ScimAssertions.assertInteger;
import static dev.scimbridge.conformance.ScimAssertions.assertList;
import static dev.scimbridge.conformance.ScimAssertions.assertNoPassword;
import static dev.scimbridge.conformance.ScimAssertions.assertScimJson;
import static dev.scimbridge.conformance.ScimAssertions.values;
import static dev.scimbridge.conformance.ScimClient.oktaQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Okta provisioning replayed over HTTP: the requests of Okta's SCIM 2.0 client as documented in the
 * "SCIM 2.0 protocol reference" (developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20) and
 * "Build a SCIM provisioning integration". Bodies are the fixtures in {@code src/test/resources/idp/okta/};
 * filters are percent-encoded ({@code userName%20eq%20%22…%22}) as Okta sends them.
 */
class OktaProvisioningIT extends ScimTestBase {

    private static final int PAGE_SIZE = 2;
    private static final int MAX_PAGES = 5_000;

    private record OktaUser(String id, String userName) {
    }

    private OktaUser createOktaUser(String label) {
        String userName = label + "." + Fixtures.unique() + "@okta.example";
        ScimResponse response = scim.post("/Users", Fixtures.load("okta/create-user.json",
                "userName", userName, "externalId", "00u" + Fixtures.unique()));
        if (response.status() == 201) {
            scim.deleteLater("/Users/" + response.json().getString("id"));
        }
        JsonObject body = ScimAssertions.assertCreated("User", response);
        assertNoPassword(response);
        return new OktaUser(body.getString("id"), userName);
    }

    private String userQuery(String userName) {
        return "/Users?filter=" + oktaQuery("userName eq \"" + userName + "\"") + "&startIndex=1&count=100";
    }

    @Test
    void existenceCheckOfAnUnknownUserIsAnEmptyPage() {
        ScimResponse response = scim.get(userQuery("nobody." + Fixtures.unique() + "@okta.example"));
        assertEmptyList(response);
        JsonObject body = response.json();
        assertEquals(1, assertInteger(body, "startIndex", response), response::toString);
        assertEquals(0, assertInteger(body, "itemsPerPage", response), response::toString);
    }

    @Test
    void createWithPasswordAndEmptyGroupsNeverReturnsThePassword() {
        OktaUser user = createOktaUser("create");

        ScimResponse read = scim.get("/Users/" + user.id());
        JsonObject body = assertScimJson(200, read);
        assertNoPassword(read);
        assertEquals(user.userName(), body.getString("userName"));
        assertEquals("en-US", body.getString("locale"), body::toString);
        assertTrue(body.getBoolean("active"), body::toString);

        // Okta's existence check right after create finds the user; no password there either.
        ScimResponse found = scim.get(userQuery(user.userName()));
        assertExactlyOne(user.id(), found);
        assertNoPassword(found);

        ScimResponse attributes = scim.get("/Users/" + user.id() + "?attributes=password,userName");
        assertScimJson(200, attributes);
        assertNoPassword(attributes);
    }

    @Test
    void importPagesThroughAllUsersWithoutDuplicatesInAStableOrder() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            mine.add(createOktaUser("import" + i).id());
        }

        List<String> firstPass = pageThroughUsers();
        assertEquals(firstPass.size(), new HashSet<>(firstPass).size(), () -> "no user twice across pages: " + firstPass);
        assertTrue(firstPass.containsAll(mine), () -> "every created user is imported: " + mine + " in " + firstPass);

        List<String> secondPass = pageThroughUsers();
        assertEquals(firstPass, secondPass, "paging without writes in between gives the same order");
    }

    /** Okta's import: {@code GET /Users?startIndex=i&count=n} until a page comes back short or past the total. */
    private List<String> pageThroughUsers() {
        List<String> ids = new ArrayList<>();
        Integer total = null;
        int startIndex = 1;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            ScimResponse page = scim.get("/Users?startIndex=" + startIndex + "&count=" + PAGE_SIZE);
            List<JsonObject> resources = assertList(page);
            assertNoPassword(page);
            JsonObject body = page.json();
            int totalResults = assertInteger(body, "totalResults", page);
            assertEquals(startIndex, assertInteger(body, "startIndex", page), page::toString);
            assertEquals(resources.size(), assertInteger(body, "itemsPerPage", page), page::toString);
            assertTrue(resources.size() <= PAGE_SIZE, () -> "count is an upper bound: " + page);
            if (total == null) {
                total = totalResults;
            }
            assertEquals(total.intValue(), totalResults, () -> "totalResults is the same on every page: " + page);
            resources.forEach(r -> ids.add(r.getString("id")));
            startIndex += resources.size();
            if (resources.isEmpty() || startIndex > totalResults) {
                assertEquals(totalResults, ids.size(), () -> "the pages add up to totalResults; last page " + page);
                return ids;
            }
            assertEquals(PAGE_SIZE, resources.size(), () -> "only the last page may be short: " + page);
        }
        fail("more than " + MAX_PAGES + " pages");
        return ids;
    }

    @Test
    void fullReplaceWithIdAndMetaChangesTheUserAndItsVersionButNotItsId() {
        OktaUser user = createOktaUser("put");
        String path = "/Users/" + user.id();
        JsonObject before = awaitConfirmed(path);   // no background write between the PUT and the read after it
        JsonObject meta = before.getJsonObject("meta");

        ScimResponse put = scim.put(path, Fixtures.load("okta/replace-user.json",
                "id", user.id(), "userName", user.userName(), "externalId", before.getString("externalId"),
                "created", meta.getString("created"), "lastModified", meta.getString("lastModified"),
                "location", meta.getString("location"), "version", meta.getString("version")));
        JsonObject replaced = assertScimJson(200, put);
        assertEtagMatchesVersion(put, replaced);
        assertNoPassword(put);
        assertEquals(user.id(), replaced.getString("id"), put::toString);
        assertEquals("Another", replaced.getJsonObject("name").getString("givenName"), put::toString);
        assertEquals("Another User", replaced.getString("displayName"), put::toString);
        assertNotEquals(meta.getString("version"), replaced.getJsonObject("meta").getString("version"),
                () -> "meta.version changes with the resource: " + put);
        assertEquals(meta.getString("created"), replaced.getJsonObject("meta").getString("created"),
                () -> "meta.created is kept: " + put);

        JsonObject after = read(path);
        assertEquals("Another User", after.getString("displayName"));
        assertEquals(replaced.getJsonObject("meta").getString("version"), after.getJsonObject("meta").getString("version"));
    }

    @Test
    void deactivateByNoPathReplaceAnswers200WithTheInactiveUser() {
        OktaUser user = createOktaUser("deactivate");
        String path = "/Users/" + user.id();

        ScimResponse patch = scim.patch(path, Fixtures.load("okta/patch-user-deactivate.json"));
        JsonObject body = assertScimJson(200, patch);
        assertEtagMatchesVersion(patch, body);
        assertNoPassword(patch);
        assertEquals(user.id(), body.getString("id"));
        assertFalse(body.getBoolean("active"), patch::toString);

        assertFalse(read(path).getBoolean("active"));
        ScimResponse found = scim.get(userQuery(user.userName()));
        assertExactlyOne(user.id(), found);
        assertFalse(assertList(found).get(0).getBoolean("active"), found::toString);

        // A later full replace that leaves active out keeps the user suspended.
        ScimResponse put = scim.put(path, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + user.userName() + "\",\"displayName\":\"Renamed\"}");
        JsonObject replaced = assertScimJson(200, put);
        assertFalse(replaced.getBoolean("active"), put::toString);
        assertEquals("suspended", replaced.getJsonObject("urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User").getString("state"), put::toString);
        assertFalse(read(path).getBoolean("active"));
    }

    /** Okta's group push: look the name up, create with {@code members: []}; the new group's id. */
    private String pushGroup(String displayName) {
        assertEmptyList(scim.get("/Groups?filter=" + oktaQuery("displayName eq \"" + displayName + "\"")
                + "&startIndex=1&count=100"));
        JsonObject group = create("/Groups", "Group", Fixtures.load("okta/create-group.json", "displayName", displayName));
        assertEquals(displayName, group.getString("displayName"));
        assertEquals(List.of(), values(group, "members"), group::toString);
        return group.getString("id");
    }

    @Test
    void groupPushRemovesByFilterAndAddsWithDisplayInOneRequest() {
        OktaUser first = createOktaUser("push1");
        OktaUser second = createOktaUser("push2");
        String groupId = pushGroup("Okta Push " + Fixtures.unique());
        String path = "/Groups/" + groupId;

        patchSucceeds(path, Fixtures.load("okta/patch-group-add-member.json", "userId", first.id(), "display", first.userName()));
        assertEquals(List.of(first.id()), values(read(path), "members"));

        // One PATCH: remove by members[value eq "…"], then add [{value, display}].
        patchSucceeds(path, Fixtures.load("okta/patch-group-remove-and-add-members.json",
                "removeId", first.id(), "addId", second.id(), "addDisplay", second.userName()));
        JsonObject swapped = read(path);
        assertEquals(List.of(second.id()), values(swapped, "members"), swapped::toString);
        assertTrue(values(read("/Users/" + second.id()), "groups").contains(groupId), "User.groups shows the group");
        assertFalse(values(read("/Users/" + first.id()), "groups").contains(groupId), "User.groups follows removal");
    }

    @Test
    void groupRenameByNoPathReplaceRepeatingTheId() {
        OktaUser member = createOktaUser("rename");
        String displayName = "Okta Push " + Fixtures.unique();
        String groupId = pushGroup(displayName);
        String path = "/Groups/" + groupId;
        patchSucceeds(path, Fixtures.load("okta/patch-group-add-member.json", "userId", member.id(), "display", member.userName()));

        // Rename: a no-path replace that repeats the (unchanged) id.
        String renamed = "Okta Push renamed " + Fixtures.unique();
        patchSucceeds(path, Fixtures.load("okta/patch-group-rename.json", "id", groupId, "displayName", renamed));
        JsonObject afterRename = read(path);
        assertEquals(groupId, afterRename.getString("id"));
        assertEquals(renamed, afterRename.getString("displayName"), afterRename::toString);
        assertEquals(List.of(member.id()), values(afterRename, "members"), () -> "rename keeps members: " + afterRename);
        assertExactlyOne(groupId, scim.get("/Groups?filter=" + oktaQuery("displayName eq \"" + renamed + "\"")));
        assertEmptyList(scim.get("/Groups?filter=" + oktaQuery("displayName eq \"" + displayName + "\"")));
    }

    @Test
    void groupMembersReplacedInFull() {
        OktaUser first = createOktaUser("replace1");
        OktaUser second = createOktaUser("replace2");
        OktaUser third = createOktaUser("replace3");
        String groupId = pushGroup("Okta Push " + Fixtures.unique());
        String path = "/Groups/" + groupId;
        patchSucceeds(path, Fixtures.load("okta/patch-group-add-member.json", "userId", second.id(), "display", second.userName()));

        patchSucceeds(path, Fixtures.load("okta/patch-group-replace-members.json",
                "firstId", first.id(), "firstDisplay", first.userName(),
                "secondId", third.id(), "secondDisplay", third.userName()));
        JsonObject replaced = read(path);
        assertEquals(List.of(first.id(), third.id()).stream().sorted().toList(),
                values(replaced, "members").stream().sorted().toList(), replaced::toString);
        assertFalse(values(read("/Users/" + second.id()), "groups").contains(groupId), "replaced-out member left");
        assertTrue(values(read("/Users/" + third.id()), "groups").contains(groupId), "replaced-in member joined");
    }
}
