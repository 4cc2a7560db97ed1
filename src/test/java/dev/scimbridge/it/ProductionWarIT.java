package dev.scimbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.scimbridge.testsupport.ItEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The production WAR (the container image's, liberty/Containerfile, and the one the existing-Liberty guide deploys)
 * is the packaged WAR without the development Redis: every other entry the same, so it is the application the ITs
 * test.
 */
class ProductionWarIT {

    static Set<String> entries(Path war) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            zip.stream().map(ZipEntry::getName).filter(n -> !n.startsWith("META-INF/maven/")).forEach(names::add);
        }
        return names;
    }

    @Test
    void theProductionWarIsThePackagedWarWithoutTheDevelopmentRedis() throws IOException {
        Set<String> full = entries(ItEnvironment.war());
        Set<String> container = entries(ItEnvironment.productionWar());
        Set<String> left = new TreeSet<>(full);
        left.removeAll(container);
        assertEquals(1, left.size(), "left out: " + left);
        assertTrue(left.iterator().next().matches("WEB-INF/lib/embedded-redis-[0-9.]+\\.jar"), "left out: " + left);
        assertTrue(full.containsAll(container), "the production WAR adds nothing");
        assertTrue(container.contains("WEB-INF/classes/dev/scimbridge/store/redis/EmbeddedRedis.class"));
        assertTrue(container.contains("WEB-INF/lib/" + full.stream().filter(n -> n.startsWith("WEB-INF/lib/jedis-"))
                .findFirst().orElseThrow().substring("WEB-INF/lib/".length())));
    }
}
