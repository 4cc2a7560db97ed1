package dev.scimbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Weld's request contexts: set up for every path but the SCIM API's, and no bean of the bridge that would
 * need them there (a normal scope other than {@code @ApplicationScoped}, on a class or a producer).
 */
class CdiRequestContextsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /scim/v2/Users                          | false
            /scim/v2/Users/2819c223-7f76-453a-919d  | false
            /scim/v2/Groups                         | false
            /scim/v2/.search                        | false
            /scim/v2/Bulk                           | false
            /scim/v2/ServiceProviderConfig          | false
            /ping                                   | true
            /                                       | true
            /scim                                   | true
            /other/scim/v2/Users                    | true
            """)
    void contextsAreSetUpForEveryPathButTheScimApi(String path, boolean activated) {
        // as Weld's RegexHttpContextActivationFilter: the whole path inside the context root
        assertEquals(activated, Pattern.compile(CdiRequestContexts.ACTIVATED_PATHS).matcher(path).matches());
    }

    @Test
    void theInitializerSetsWeldsMappingAndIsRegistered() {
        assertEquals(Map.of("org.jboss.weld.context.mapping", CdiRequestContexts.ACTIVATED_PATHS),
                ServletInitializers.initParameters(new CdiRequestContexts(), getClass().getClassLoader()));
        List<Class<?>> registered = ServletInitializers.registered();
        assertTrue(registered.contains(CdiRequestContexts.class), registered.toString());
    }

    @Test
    void noBeanOfTheBridgeNeedsARequestContext() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(CdiRequestContexts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> scoped = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                scoped.addAll(contextualScopes(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        getClass().getClassLoader())));
                read++;
            }
        }
        assertTrue(read > 100, "read " + read + " classes of " + classes);
        assertEquals(List.of(), scoped);
    }

    @Test
    void theCheckFindsARequestScopedBeanAndProducer() {
        assertEquals(List.of(RequestScopedBean.class.getName(), ProducerOfOne.class.getName() + ".value"),
                Stream.of(RequestScopedBean.class, ProducerOfOne.class, ApplicationScopedBean.class)
                        .flatMap(c -> contextualScopes(c).stream()).toList());
    }

    /** The class and its producer methods and fields that carry a normal scope other than @ApplicationScoped. */
    private static List<String> contextualScopes(Class<?> type) {
        List<String> found = new ArrayList<>();
        if (needsContext(type)) {
            found.add(type.getName());
        }
        for (var method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Produces.class) && needsContext(method)) {
                found.add(type.getName() + "." + method.getName());
            }
        }
        for (var field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(Produces.class) && needsContext(field)) {
                found.add(type.getName() + "." + field.getName());
            }
        }
        return found;
    }

    private static boolean needsContext(AnnotatedElement element) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(NormalScope.class) && a.annotationType() != ApplicationScoped.class) {
                return true;
            }
        }
        return false;
    }

    @RequestScoped
    static class RequestScopedBean {
    }

    static class ProducerOfOne {
        @Produces
        @RequestScoped
        String value() {
            return "";
        }
    }

    @ApplicationScoped
    static class ApplicationScopedBean {
        @Produces
        @ApplicationScoped
        String value() {
            return "";
        }
    }
}
