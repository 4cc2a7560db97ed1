package dev.scimbridge.api;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/** Runs the bridge's {@link ServletContainerInitializer}s without a container, for their tests. */
final class ServletInitializers {
    private ServletInitializers() {
    }

    /**
     * Runs {@code initializer} against a servlet context whose class loader is {@code loader}; returns the init
     * parameters it set. Any other call on the context fails the test.
     */
    static Map<String, String> initParameters(ServletContainerInitializer initializer, ClassLoader loader) {
        Map<String, String> params = new HashMap<>();
        ServletContext context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClassLoader" -> loader;
                    case "setInitParameter" -> params.putIfAbsent((String) args[0], (String) args[1]) == null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        try {
            initializer.onStartup(Set.of(), context);
        } catch (ServletException e) {
            throw new AssertionError(e);
        }
        return params;
    }

    /** The initializers registered in {@code META-INF/services}, as the servlet container finds them. */
    static List<Class<?>> registered() {
        return ServiceLoader.load(ServletContainerInitializer.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
    }
}
