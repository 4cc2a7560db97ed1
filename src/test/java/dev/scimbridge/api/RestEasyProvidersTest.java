package dev.scimbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
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
        List<Class<?>> registered = ServiceLoader.load(ServletContainerInitializer.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertTrue(registered.contains(RestEasyProviders.class), registered.toString());
    }

    /** Runs the initializer against a servlet context whose class loader is {@code loader}; returns the init parameters it set. */
    private static Map<String, String> onStartup(ClassLoader loader) {
        Map<String, String> params = new HashMap<>();
        ServletContext context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClassLoader" -> loader;
                    case "setInitParameter" -> params.putIfAbsent((String) args[0], (String) args[1]) == null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        new RestEasyProviders().onStartup(Set.of(), context);
        return params;
    }
}
