package dev.scimbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The container image's WAR (liberty/Containerfile) is the packaged WAR without the development Redis: every
 * other entry the same, so the image runs the application the ITs test.
 */
class ContainerWarIT {
    static final Path WAR = Path.of(System.getProperty("scim.it.war", "target/scim-bridge.war"));
    static final Path CONTAINER_WAR = WAR.resolveSibling(WAR.getFileName().toString().replace(".war", "-container.war"));

    static Set<String> entries(Path war) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            zip.stream().map(ZipEntry::getName).filter(n -> !n.startsWith("META-INF/maven/")).forEach(names::add);
        }
        return names;
    }

    @Test
    void theContainerWarIsThePackagedWarWithoutTheDevelopmentRedis() throws IOException {
        Set<String> full = entries(WAR);
        Set<String> container = entries(CONTAINER_WAR);
        Set<String> left = new TreeSet<>(full);
        left.removeAll(container);
        assertEquals(1, left.size(), "left out: " + left);
        assertTrue(left.iterator().next().matches("WEB-INF/lib/embedded-redis-[0-9.]+\\.jar"), "left out: " + left);
        assertTrue(full.containsAll(container), "the container WAR adds nothing");
        assertTrue(container.contains("WEB-INF/classes/dev/scimbridge/store/redis/EmbeddedRedis.class"));
        assertTrue(container.contains("WEB-INF/lib/" + full.stream().filter(n -> n.startsWith("WEB-INF/lib/jedis-"))
                .findFirst().orElseThrow().substring("WEB-INF/lib/".length())));
    }
}
