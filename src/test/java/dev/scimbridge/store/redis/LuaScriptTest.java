package dev.scimbridge.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@link LuaScript#load}: one resource as it is, or a shared file joined before a script, under the SHA-1 of exactly the text sent on NOSCRIPT. */
class LuaScriptTest {

    @Test
    void aScriptWithASharedFileIsTheirTextsJoinedInOrder() throws IOException {
        LuaScript joined = LuaScript.load("redis/group-records.lua", "redis/user-replace.lua");
        String text = text("redis/group-records.lua") + "\n" + text("redis/user-replace.lua");
        assertEquals(LuaScript.of("expected", text).sha1(), joined.sha1());
        assertEquals("redis/group-records.lua + redis/user-replace.lua", joined.name());
        assertNotEquals(LuaScript.load("redis/user-replace.lua").sha1(), joined.sha1());
        assertEquals(LuaScript.of("alone", text("redis/user-replace.lua")).sha1(), LuaScript.load("redis/user-replace.lua").sha1(),
                "a script of one file is its text as it is, so its SHA-1 stays that of the file");
    }

    @Test
    void theSharedFunctionIsDefinedBeforeTheScriptsThatCallIt() throws IOException {
        String library = text("redis/group-records.lua");
        assertTrue(library.contains("local function groupRecords(prefix, groupIds)"), "group-records.lua defines groupRecords");
        for (String script : new String[] {"redis/user-read.lua", "redis/user-replace.lua"}) {
            String source = text(script);
            assertTrue(source.contains("groupRecords("), script + " calls it");
            assertFalse(source.contains("function groupRecords"), script + " must not define it again");
        }
    }

    @Test
    void aMissingResourceIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LuaScript.load("redis/group-records.lua", "redis/none.lua"));
        assertTrue(e.getMessage().contains("redis/none.lua"), e.getMessage());
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = LuaScriptTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
