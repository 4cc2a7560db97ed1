package dev.scimbridge.conformance;

import static dev.scimbridge.conformance.ScimAssertions.ENTERPRISE_SCHEMA;
import static dev.scimbridge.conformance.ScimAssertions.USER_SCHEMA;
import static dev.scimbridge.conformance.ScimAssertions.assertEmptyList;
import static dev.scimbridge.conformance.ScimAssertions.assertExactlyOne;
import static dev.scimbridge.conformance.ScimAssertions.assertList;
import static dev.scimbridge.conformance.ScimAssertions.assertScimError;
import static dev.scimbridge.conformance.ScimAssertions.assertStatus;
import static dev.scimbridge.conformance.ScimAssertions.strings;
import static dev.scimbridge.conformance.ScimAssertions.values;
import static dev.scimbridge.conformance.ScimClient.entraQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Entra ID provisioning replayed over HTTP: the requests of the Entra provisioning service as
 * documented in "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID"
 * (learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups) and
 * "Known issues and resolutions with SCIM 2.0 protocol compliance" (the {@code aadOptscim062020} flag).
 * Bodies are the fixtures in {@code src/test/resources/idp/entra/}; filters are form-encoded
 * ({@code userName+eq+%22…%22}) as Entra sends them.
 */
class EntraIdProvisioningIT extends ScimTestBase {

    /** What a test created with {@code entra/create-user.json}. */
    private record EntraUser(String id, String userName, String externalId, String email) {
    }

    private EntraUser createEntraUser() {
        String suffix = Fixtures.unique();
        String userName = "Test_User_" + suffix + "@entra.example";
        String externalId = UUID.randomUUID().toString();
        String email = "Test_User_" + suffix + "@work.entra.example";
        JsonObject body = create("/Users", "User", Fixtures.load("entra/create-user.json",
                "userName", userName, "externalId", externalId, "email", email));
        return new EntraUser(body.getString("id"), userName, externalId, email);
    }

    private String createEntraGroup(String displayName) {
        return create("/Groups", "Group", Fixtures.load("entra/create-group.json",
                "externalId", UUID.randomUUID().toString(), "displayName", displayName)).getString("id");
    }

    @Test
    void testConnectionQueriesFindNothing() {
        // "Test Connection" in the portal: a userName and a group displayName that cannot exist.
        String missing = UUID.randomUUID().toString();
        assertEmptyList(scim.get("/Users?filter=" + entraQuery("userName eq \"" + missing + "\"")));
        assertEmptyList(scim.get("/Groups?excludedAttributes=members&filter="
                + entraQuery("displayName eq \"" + missing + "\"")));
    }

    @Test
    void featureFlagQueryParameterIsIgnored() {
        // Admins who opt in enter https://host/scim/v2?aadOptscim062020 as the Tenant URL; should the flag
        // reach the bridge as a query parameter, it must not change the answer.
        String missing = UUID.randomUUID().toString();
        assertEmptyList(scim.get("/Users?aadOptscim062020&filter=" + entraQuery("userName eq \"" + missing + "\"")));
    }

    @Test
    void createUserWithCoreAndEnterpriseSchemas() {
        String suffix = Fixtures.unique();
        String userName = "Test_User_" + suffix + "@entra.example";
        String externalId = UUID.randomUUID().toString();
        String email = "Test_User_" + suffix + "@work.entra.example";
        ScimResponse response = scim.post("/Users", Fixtures.load("entra/create-user.json",
                "userName", userName, "externalId", externalId, "email", email));
        if (response.status() == 201) {
            scim.deleteLater("/Users/" + response.json().getString("id"));
        }
        JsonObject user = ScimAssertions.assertCreated("User", response);

        assertEquals(userName, user.getString("userName"), () -> "userName: " + response);
        assertEquals(externalId, user.getString("externalId"), () -> "externalId: " + response);
        assertTrue(user.getBoolean("active"), () -> "active: " + response);
        List<String> schemas = strings(user.getJsonArray("schemas"));
        assertTrue(schemas.contains(USER_SCHEMA) && schemas.contains(ENTERPRISE_SCHEMA), () -> "schemas: " + response);
        assertEquals("Engineering", user.getJsonObject(ENTERPRISE_SCHEMA).getString("department"), () -> "department: " + response);
        assertEquals(email, user.getJsonArray("emails").getJsonObject(0).getString("value"), () -> "emails: " + response);
        assertEquals("givenName", user.getJsonObject("name").getString("givenName"), () -> "name: " + response);

        JsonObject read = read("/Users/" + user.getString("id"));
        assertEquals(user.getString("id"), read.getString("id"));
        if (isInvited(read)) {   // else the confirmation watcher confirmed it in between: a new version
            assertEquals(user.getJsonObject("meta").getString("version"), read.getJsonObject("meta").getString("version"),
                    "an unchanged resource keeps its version");
        }
    }

    @Test
    void lookupsByUserNameExternalIdAndWorkEmailFindExactlyThatUser() {
        EntraUser user = createEntraUser();
        createEntraUser(); // a second user that none of the filters may match

        assertExactlyOne(user.id(), scim.get("/Users?filter=" + entraQuery("userName eq \"" + user.userName() + "\"")));
        assertExactlyOne(user.id(), scim.get("/Users?filter=" + entraQuery("externalId eq \"" + user.externalId() + "\"")));
        assertExactlyOne(user.id(), scim.get("/Users?filter="
                + entraQuery("emails[type eq \"work\"].value eq \"" + user.email() + "\"")));
        // RFC 7643 §4.1.1: userName is case-insensitive; Entra may change the case of a UPN.
        assertExactlyOne(user.id(), scim.get("/Users?filter="
                + entraQuery("userName eq \"" + user.userName().toUpperCase(Locale.ROOT) + "\"")));
    }

    @Test
    void duplicateCreateIsUniquenessConflict() {
        EntraUser user = createEntraUser();
        ScimResponse again = scim.post("/Users", Fixtures.load("entra/create-user.json",
                "userName", user.userName(), "externalId", UUID.randomUUID().toString(), "email", user.email()));
        if (again.status() == 201) {
            scim.deleteLater("/Users/" + again.json().getString("id"));
        }
        assertScimError(409, "uniqueness", again);

        ScimResponse otherCase = scim.post("/Users", Fixtures.load("entra/create-user.json",
                "userName", user.userName().toUpperCase(Locale.ROOT), "externalId", UUID.randomUUID().toString(),
                "email", user.email()));
        if (otherCase.status() == 201) {
            scim.deleteLater("/Users/" + otherCase.json().getString("id"));
        }
        assertScimError(409, "uniqueness", otherCase);
    }

    @Test
    void patchWithCapitalisedOperationsUpdatesNameEmailAndEnterpriseAttributes() {
        EntraUser user = createEntraUser();
        EntraUser manager = createEntraUser();
        String path = "/Users/" + user.id();
        String before = read(path).getJsonObject("meta").getString("version");

        String newEmail = "updated_" + Fixtures.unique() + "@work.entra.example";
        patchSucceeds(path, Fixtures.load("entra/patch-user-replace.json", "givenName", "Updated", "email", newEmail));
        JsonObject afterReplace = read(path);
        assertEquals("Updated", afterReplace.getJsonObject("name").getString("givenName"), afterReplace::toString);
        assertEquals("familyName", afterReplace.getJsonObject("name").getString("familyName"),
                () -> "Replace of name.givenName keeps familyName: " + afterReplace);
        assertEquals(List.of(newEmail), afterReplace.getJsonArray("emails").stream()
                .map(e -> e.asJsonObject().getString("value")).toList(), afterReplace::toString);
        assertFalse(before.equals(afterReplace.getJsonObject("meta").getString("version")), "a change moves meta.version");
        assertExactlyOne(user.id(), scim.get("/Users?filter="
                + entraQuery("emails[type eq \"work\"].value eq \"" + newEmail + "\"")));

        patchSucceeds(path, Fixtures.load("entra/patch-user-add-enterprise.json",
                "employeeNumber", "100042", "managerId", manager.id()));
        JsonObject enterprise = read(path).getJsonObject(ENTERPRISE_SCHEMA);
        assertEquals("100042", enterprise.getString("employeeNumber"), enterprise::toString);
        assertEquals(manager.id(), enterprise.getJsonObject("manager").getString("value"),
                () -> "a bare id for manager becomes manager.value: " + enterprise);
        assertEquals("Engineering", enterprise.getString("department"), () -> "Add keeps department: " + enterprise);
    }

    @Test
    void disableWithStringFalseKeepsTheUserReadableThenEnableWithStringTrue() {
        EntraUser user = createEntraUser();
        String path = "/Users/" + user.id();

        patchSucceeds(path, Fixtures.load("entra/patch-user-disable.json"));
        JsonObject disabled = read(path);
        assertEquals(false, disabled.getBoolean("active"), disabled::toString);
        // Entra reads a disabled user back with a filter, too (Entra SCIM validator "Disable User").
        ScimResponse byName = scim.get("/Users?filter=" + entraQuery("userName eq \"" + user.userName() + "\""));
        assertExactlyOne(user.id(), byName);
        assertEquals(false, assertList(byName).get(0).getBoolean("active"), byName::toString);

        patchSucceeds(path, Fixtures.load("entra/patch-user-enable.json"));
        JsonObject enabled = read(path);
        assertEquals(true, enabled.getBoolean("active"), enabled::toString);
    }

    @Test
    void aadOptscim062020NoPathReplaceWithDottedAndUrnKeys() {
        EntraUser user = createEntraUser();
        String path = "/Users/" + user.id();

        patchSucceeds(path, Fixtures.load("entra/patch-user-aadoptscim062020.json",
                "displayName", "Pvl Zlovm", "givenName", "Pvl", "familyName", "Zlovm",
                "employeeNumber", "Nvsa", "department", "Sales"));
        JsonObject patched = read(path);
        assertEquals("Pvl Zlovm", patched.getString("displayName"), patched::toString);
        assertEquals("Pvl", patched.getJsonObject("name").getString("givenName"), patched::toString);
        assertEquals("Zlovm", patched.getJsonObject("name").getString("familyName"), patched::toString);
        assertEquals("Nvsa", patched.getJsonObject(ENTERPRISE_SCHEMA).getString("employeeNumber"), patched::toString);
        assertEquals("Sales", patched.getJsonObject(ENTERPRISE_SCHEMA).getString("department"), patched::toString);
        assertEquals(user.email(), patched.getJsonArray("emails").getJsonObject(0).getString("value"),
                () -> "a no-path replace leaves other attributes alone: " + patched);

        patchSucceeds(path, Fixtures.load("entra/patch-user-aadoptscim062020-disable.json"));
        JsonObject disabled = read(path);
        assertEquals(false, disabled.getBoolean("active"), disabled::toString);
    }

    @Test
    void aadOptscim062020NoPathReplaceWithValueFilterKey() {
        // Microsoft's example for "replace multiple attributes" also carries emails[type eq "work"].value as a key.
        EntraUser user = createEntraUser();
        String path = "/Users/" + user.id();
        String newEmail = "keyed_" + Fixtures.unique() + "@work.entra.example";

        patchSucceeds(path, Fixtures.load("entra/patch-user-aadoptscim062020-email-key.json",
                "email", newEmail, "familyName", "Keyed"));
        JsonObject patched = read(path);
        assertEquals("Keyed", patched.getJsonObject("name").getString("familyName"), patched::toString);
        assertEquals(List.of(newEmail), patched.getJsonArray("emails").stream()
                .map(e -> e.asJsonObject().getString("value")).toList(), patched::toString);
    }

    @Test
    void groupWithEntraSchemaUrnAndMembershipByValueArrayAndByFilter() {
        String displayName = "Entra Group " + Fixtures.unique();
        String groupId = createEntraGroup(displayName);
        String groupPath = "/Groups/" + groupId;
        EntraUser first = createEntraUser();
        EntraUser second = createEntraUser();

        // Entra looks a group up without its members.
        ScimResponse lookup = scim.get("/Groups?excludedAttributes=members&filter="
                + entraQuery("displayName eq \"" + displayName + "\""));
        assertExactlyOne(groupId, lookup);
        assertFalse(assertList(lookup).get(0).containsKey("members"), () -> "excludedAttributes=members: " + lookup);

        for (EntraUser user : List.of(first, second)) {
            ScimResponse add = scim.patch(groupPath, Fixtures.load("entra/patch-group-add-member.json", "userId", user.id()));
            assertStatus(204, add);
            assertTrue(add.body().isEmpty(), () -> "204 has no body: " + add);
        }
        JsonObject group = read(groupPath);
        assertEquals(List.of(first.id(), second.id()).stream().sorted().toList(),
                values(group, "members").stream().sorted().toList(), group::toString);
        JsonObject firstUser = read("/Users/" + first.id());
        assertTrue(values(firstUser, "groups").contains(groupId), () -> "User.groups shows the group: " + firstUser);

        // Remove with a value array removes only that member (STYLE §9.3).
        patchSucceeds(groupPath, Fixtures.load("entra/patch-group-remove-member.json", "userId", first.id()));
        JsonObject afterRemove = read(groupPath);
        assertEquals(List.of(second.id()), values(afterRemove, "members"), afterRemove::toString);
        JsonObject firstAfter = read("/Users/" + first.id());
        assertFalse(values(firstAfter, "groups").contains(groupId), () -> "User.groups follows: " + firstAfter);

        // aadOptscim062020: remove by members[value eq "id"].
        patchSucceeds(groupPath, Fixtures.load("entra/patch-group-remove-member-filter.json", "userId", second.id()));
        JsonObject empty = read(groupPath);
        assertEquals(List.of(), values(empty, "members"), empty::toString);

        String renamed = "Entra Group renamed " + Fixtures.unique();
        patchSucceeds(groupPath, Fixtures.load("entra/patch-group-replace-displayname.json", "displayName", renamed));
        assertEquals(renamed, read(groupPath).getString("displayName"));
    }

    @Test
    void deleteUserRemovesItFromGroupsThenDeleteGroup() {
        String groupId = createEntraGroup("Entra Group " + Fixtures.unique());
        String groupPath = "/Groups/" + groupId;
        EntraUser user = createEntraUser();
        EntraUser stays = createEntraUser();
        assertStatus(204, scim.patch(groupPath, Fixtures.load("entra/patch-group-add-member.json", "userId", user.id())));
        assertStatus(204, scim.patch(groupPath, Fixtures.load("entra/patch-group-add-member.json", "userId", stays.id())));

        ScimResponse deleted = scim.delete("/Users/" + user.id());
        assertStatus(204, deleted);
        assertTrue(deleted.body().isEmpty(), () -> "204 has no body: " + deleted);
        assertScimError(404, null, scim.get("/Users/" + user.id()));
        JsonObject group = read(groupPath);
        assertEquals(List.of(stays.id()), values(group, "members"), () -> "a deleted user leaves its groups: " + group);

        ScimResponse groupDeleted = scim.delete(groupPath);
        assertStatus(204, groupDeleted);
        assertScimError(404, null, scim.get(groupPath));
        JsonObject stayed = read("/Users/" + stays.id());
        assertFalse(values(stayed, "groups").contains(groupId), () -> "a deleted group leaves User.groups: " + stayed);
    }
}
