package dev.scimbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.scimbridge.testsupport.ItEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR, which every server runs (the container image, an existing Liberty, the runnable jar, the IT
 * server), is the application the build assembled without the development Redis: every other file the same.
 */
class PackagedWarIT {

    @Test
    void thePackagedWarIsTheAssembledApplicationWithoutTheDevelopmentRedis() throws IOException {
        Path war = ItEnvironment.war();
        Path assembled = war.resolveSibling(war.getFileName().toString().replace(".war", ""));
        Set<String> packaged = new TreeSet<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                    .filter(n -> !n.startsWith("META-INF/maven/") && !n.equals("META-INF/MANIFEST.MF")).forEach(packaged::add);
        }
        Set<String> files;
        try (Stream<Path> walk = Files.walk(assembled)) {
            files = walk.filter(Files::isRegularFile).map(p -> assembled.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> left = new TreeSet<>(files);
        left.removeAll(packaged);
        assertEquals(1, left.size(), "left out: " + left);
        assertTrue(left.iterator().next().matches("WEB-INF/lib/embedded-redis-[0-9.]+\\.jar"), "left out: " + left);
        assertTrue(files.containsAll(packaged), "the WAR adds nothing: " + packaged.stream().filter(n -> !files.contains(n)).toList());
        assertTrue(packaged.contains("WEB-INF/classes/dev/scimbridge/store/redis/EmbeddedRedis.class"));
        assertTrue(packaged.stream().anyMatch(n -> n.matches("WEB-INF/lib/jedis-[0-9.]+\\.jar")), packaged.toString());
    }
}
