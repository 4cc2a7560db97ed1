package dev.scimbridge.api;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

/**
 * Keeps Weld from setting up CDI's request, session and conversation contexts (CDI 4.0 §6.7) for SCIM
 * requests, which need none: every bean of the bridge is application-scoped or dependent
 * ({@code CdiRequestContextsTest} fails the build otherwise). Setting the contexts up and tearing them down
 * around each request was 3.5 % of a filter's CPU samples (docs/benchmarks.md, round 18). Weld reads
 * {@value #CONTEXT_MAPPING} when the application starts: requests whose path inside the application
 * matches {@link #ACTIVATED_PATHS} get the contexts, so {@code /ping} and anything outside
 * {@code /scim/} keep them. A registered {@link ServletContainerInitializer} (Servlet 6.0 §8.2.4), as
 * {@link RestEasyProviders} is.
 */
public class CdiRequestContexts implements ServletContainerInitializer {
    static final String CONTEXT_MAPPING = "org.jboss.weld.context.mapping";
    /** Every path but those under {@code /scim/} (Weld matches the whole path inside the context root). */
    static final String ACTIVATED_PATHS = "(?!/scim/).*";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.setInitParameter(CONTEXT_MAPPING, ACTIVATED_PATHS);
    }
}
