package dev.scimbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** RESTEasy's built-in providers: off, with the three the resources use, unless metrics are on. */
class RestEasyProvidersTest {

    @Test
    void withoutTheMetricsApiOnlyTheThreeProvidersAreRegistered() {
        Map<String, String> params = onStartup(new ClassLoader(null) { });
        assertEquals(Map.of("resteasy.use.builtin.providers", "false",
                "resteasy.providers", "org.jboss.resteasy.plugins.providers.ByteArrayProvider,"
                        + "org.jboss.resteasy.plugins.providers.StringTextStar,"
                        + "org.jboss.resteasy.plugins.providers.StreamingOutputProvider"), params);
    }

    @Test
    void withTheMetricsApiTheBuiltInsStayForLibertysRestMetrics() {
        assertTrue(RestEasyProviders.metricsEnabled(getClass().getClassLoader()), "the test class path has the API");
        assertEquals(Map.of(), onStartup(getClass().getClassLoader()));
    }

    @Test
    void aLoaderWithoutTheApiMeansMetricsOff() {
        assertFalse(RestEasyProviders.metricsEnabled(new ClassLoader(null) { }));
    }

    @Test
    void theInitializerIsRegisteredForTheServletContainer() {
        List<Class<?>> registered = ServletInitializers.registered();
        assertTrue(registered.contains(RestEasyProviders.class), registered.toString());
    }

    private static Map<String, String> onStartup(ClassLoader loader) {
        return ServletInitializers.initParameters(new RestEasyProviders(), loader);
    }
}
