package dev.scimbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerTokenFilterTest {

    @Test
    void onlyPingIsExempt() {
        assertTrue(BearerTokenFilter.isExempt("ping"));
        assertTrue(BearerTokenFilter.isExempt("/ping"));
        assertFalse(BearerTokenFilter.isExempt("/ping/x"));
        assertFalse(BearerTokenFilter.isExempt("/pingx"));
        assertFalse(BearerTokenFilter.isExempt("/scim/v2/Users"));
        assertFalse(BearerTokenFilter.isExempt("/health/ready"));
        assertFalse(BearerTokenFilter.isExempt(""));
    }

    @Test
    void bearerCredentials() {
        assertEquals("abc", BearerTokenFilter.bearerCredentials("Bearer abc"));
        assertEquals("abc", BearerTokenFilter.bearerCredentials("bearer   abc "));
        assertEquals("abc", BearerTokenFilter.bearerCredentials("BEARER abc"));
        assertNull(BearerTokenFilter.bearerCredentials("Basic Zm9vOmJhcg=="));
        assertNull(BearerTokenFilter.bearerCredentials("Bearer"));
        assertNull(BearerTokenFilter.bearerCredentials("Bearer   "));
        assertNull(BearerTokenFilter.bearerCredentials("Bearerabc"));
        assertEquals("a b", BearerTokenFilter.bearerCredentials("Bearer a b"));
    }
}
