package dev.scimbridge.api;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

/**
 * Chooses the message body providers RESTEasy registers when it deploys the application (Servlet 6.0
 * §8.2.4, a {@link ServletContainerInitializer}, registered in {@code META-INF/services}). Liberty lists
 * about fifty built-in providers (multipart, XML, images, forms, SSE, ...); loading them took 0.23 s of
 * the deployment RESTEasy runs right after the application starts, beside the first readiness probe
 * (docs/benchmarks.md, round 8). The resources need three: every request body is read as bytes (so
 * that bytes that are not UTF-8 are refused, not replaced) and every response is a String or a
 * {@code StreamingOutput}; the exception mappers and the bearer-token
 * filter are the application's own {@code @Provider}s, found by scanning either way.
 *
 * <p>With metrics on ({@code SCIM_METRICS_ENABLED=true}, so the MicroProfile Metrics API is visible to
 * the application) the built-ins stay: Liberty registers its REST metrics filters among them
 * ({@code REST_request_seconds}, the route of {@code http_server_request_duration_seconds}).
 */
public class RestEasyProviders implements ServletContainerInitializer {
    static final String METRICS_API = "org.eclipse.microprofile.metrics.MetricRegistry";
    static final String PROVIDERS = "org.jboss.resteasy.plugins.providers.ByteArrayProvider,"
            + "org.jboss.resteasy.plugins.providers.StringTextStar,"
            + "org.jboss.resteasy.plugins.providers.StreamingOutputProvider";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (!metricsEnabled(context.getClassLoader())) {
            context.setInitParameter("resteasy.use.builtin.providers", "false");
            context.setInitParameter("resteasy.providers", PROVIDERS);
        }
    }

    static boolean metricsEnabled(ClassLoader loader) {
        try {
            Class.forName(METRICS_API, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
