package dev.scimbridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The container recipe {@code liberty/Containerfile}, checked as text because no container engine
 * runs in the build: it must ship the same server configuration the Maven build and its tests use,
 * expose the bridge's port, and run as the image's non-root user; and the features in
 * {@code liberty/config/server.xml} must be exactly the ones docs/install/container.md lists, since
 * {@code features.sh} installs only those.
 */
class ContainerfileTest {

    private static final Path ROOT = Paths.get(System.getProperty("basedir", "."));
    /** configure.sh, whose warm-up starts leave the workarea and expanded WAR that become the seed. */
    private static final String CONFIGURE = "RUN configure.sh && { [ -d /opt/ol/wlp/output/defaultServer/workarea ] "
            + "|| { /opt/ol/wlp/bin/server start && /opt/ol/wlp/bin/server stop; }; } "
            + "&& seed=/opt/scim-bridge/seed/metrics-$SCIM_METRICS_ENABLED && mkdir -p $seed/apps "
            + "&& mv /opt/ol/wlp/output/defaultServer/workarea $seed/ "
            + "&& mv /opt/ol/wlp/output/defaultServer/apps/expanded $seed/apps/";

    @Test
    void copiesTheBuildsServerConfigurationThenInstallsFeaturesThenTheWar() throws IOException {
        List<String> steps = instructions();
        int config = steps.indexOf("COPY --chown=1001:0 liberty/config/ /config/");
        int features = steps.indexOf("RUN features.sh");
        int war = steps.indexOf("COPY --chown=1001:0 target/scim-bridge.war /config/apps/");
        int configure = steps.indexOf(CONFIGURE);
        assertTrue(config >= 0 && config < features && features < war && war < configure,
                "expected COPY config → RUN features.sh → COPY war → RUN configure.sh (workarea to the seed), got " + steps);

        // The same folder the liberty-maven-plugin uses, and the WAR the build produces, without the development
        // Redis (PackagedWarIT checks its content), under the name server.xml's webApplication gives.
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertTrue(pom.contains("<configDirectory>${project.basedir}/liberty/config</configDirectory>"),
                "the Maven build's Liberty configDirectory must be liberty/config");
        assertTrue(pom.contains("<finalName>scim-bridge</finalName>")
                && pom.contains("<packagingExcludes>WEB-INF/lib/embedded-redis-*.jar</packagingExcludes>"),
                "the build must produce target/scim-bridge.war without the development Redis");
        assertTrue(Files.readString(ROOT.resolve("liberty/config/server.xml")).contains("location=\"scim-bridge.war\""),
                "server.xml must deploy apps/scim-bridge.war");
    }

    @Test
    void usesKernelSlimOfTheBuildsLibertyVersionRunsNonRootAndExposesTheHttpPort() throws IOException {
        List<String> steps = instructions();
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<liberty.runtime.version>([^<]+)</liberty.runtime.version>").matcher(pom);
        assertTrue(version.find());
        assertTrue(steps.contains("ARG LIBERTY_IMAGE=icr.io/appcafe/open-liberty:" + version.group(1)
                + "-kernel-slim-java17-openj9-ubi-minimal"), "base image of Liberty " + version.group(1) + ": " + steps);
        assertTrue(steps.contains("FROM ${LIBERTY_IMAGE}"), steps.toString());

        assertEquals("USER 1001", steps.stream().filter(s -> s.startsWith("USER ")).reduce((a, b) -> b).orElse(""),
                "the last USER must be the non-root 1001");
        assertEquals(List.of("EXPOSE 3002"), steps.stream().filter(s -> s.startsWith("EXPOSE")).collect(Collectors.toList()));

        String serverXml = Files.readString(ROOT.resolve("liberty/config/server.xml"));
        assertTrue(serverXml.contains("<variable name=\"http.port\" defaultValue=\"3002\"/>"),
                "server.xml's default HTTP port must be the exposed 3002");
    }

    @Test
    void installsTheOptionalMetricsFeatureAndLeavesItOffByDefault() throws Exception {
        List<String> steps = instructions();
        Set<String> optional = features("liberty/config/includes/metrics-true.xml");
        assertEquals(Set.of("mpMetrics-5.1"), optional);
        int features = steps.indexOf("RUN features.sh");
        int metrics = steps.indexOf("RUN featureUtility installFeature mpMetrics-5.1 --acceptLicense");
        int configure = steps.indexOf(CONFIGURE);
        assertTrue(features >= 0 && features < metrics && metrics < configure, steps.toString());
        // The seed is made with the value a container gets by default (seed-output.sh picks it by value).
        int metricsOff = steps.indexOf("ENV SCIM_METRICS_ENABLED=false");
        assertTrue(metricsOff >= 0 && metricsOff < configure, steps.toString());
        assertTrue(features("liberty/config/includes/metrics-false.xml").isEmpty());
        String serverXml = Files.readString(ROOT.resolve("liberty/config/server.xml"));
        assertTrue(serverXml.contains("<include optional=\"true\" location=\"includes/metrics-${env.SCIM_METRICS_ENABLED}.xml\"/>"),
                "server.xml must include the metrics snippet named by SCIM_METRICS_ENABLED");
    }

    @Test
    void startsEveryContainerFromTheSeedThenTheLibertyImagesOwnEntrypoint() throws IOException {
        List<String> steps = instructions();
        int configure = steps.indexOf(CONFIGURE);
        int script = steps.indexOf("COPY --chown=1001:0 liberty/seed-output.sh /opt/scim-bridge/seed-output.sh");
        int readable = steps.indexOf("RUN chmod -R a+rX,go-w /opt/scim-bridge");
        // After the warm-up (an edit of the script does not re-run it), then readable by any UID, writable by none.
        assertTrue(configure >= 0 && script > configure && readable > script, steps.toString());
        assertEquals(List.of("ENTRYPOINT [\"/opt/scim-bridge/seed-output.sh\", \"/opt/ol/helpers/runtime/docker-server.sh\"]"),
                steps.stream().filter(s -> s.startsWith("ENTRYPOINT")).collect(Collectors.toList()));
        // Setting ENTRYPOINT clears the base image's CMD: it must be given again.
        assertEquals(List.of("CMD [\"/opt/ol/wlp/bin/server\", \"run\", \"defaultServer\"]"),
                steps.stream().filter(s -> s.startsWith("CMD")).collect(Collectors.toList()));
        assertTrue(Files.isExecutable(ROOT.resolve("liberty/seed-output.sh")), "the entrypoint must be executable");
    }

    @Test
    void serverXmlListsExactlyTheDocumentedFeatures() throws Exception {
        Set<String> configured = features("liberty/config/server.xml");
        assertFalse(configured.isEmpty());
        configured.addAll(features("liberty/config/includes/metrics-true.xml"));

        // docs/install/container.md: the bullet list under "## Liberty features", one `feature-x.y` per line.
        String doc = Files.readString(ROOT.resolve("docs/install/container.md"));
        int start = doc.indexOf("\n## Liberty features\n");
        assertTrue(start >= 0, "docs/install/container.md needs a '## Liberty features' section");
        int end = doc.indexOf("\n## ", start + 1);
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        Set<String> documented = new TreeSet<>();
        Matcher bullet = Pattern.compile("(?m)^- `([A-Za-z]+-[0-9.]+)`").matcher(section);
        while (bullet.find()) {
            documented.add(bullet.group(1));
        }
        assertEquals(documented, configured, "server.xml (and the optional metrics include) features vs docs/install/container.md");
    }

    private static Set<String> features(String file) throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(file).toFile());
        NodeList nodes = xml.getElementsByTagName("feature");
        Set<String> features = new TreeSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            features.add(nodes.item(i).getTextContent().trim());
        }
        return features;
    }

    /** Non-comment instructions, continuation lines joined, whitespace-normalised. */
    private static List<String> instructions() throws IOException {
        String joined = Files.readAllLines(ROOT.resolve("liberty/Containerfile")).stream().map(String::trim)
                .filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n")).replace("\\\n", " ");
        return joined.lines().filter(l -> !l.isBlank()).map(l -> l.trim().replaceAll("\\s+", " "))
                .collect(Collectors.toList());
    }
}
