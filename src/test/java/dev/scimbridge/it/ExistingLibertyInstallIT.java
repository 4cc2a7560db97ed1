package dev.scimbridge.it;

import static dev.scimbridge.testsupport.ItEnvironment.freePort;
import static dev.scimbridge.testsupport.ItEnvironment.getUrl;
import static dev.scimbridge.testsupport.ItEnvironment.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.scimbridge.testsupport.ItEnvironment;
import dev.scimbridge.testsupport.ServerProcesses;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * Follows docs/install/liberty.md against the Open Liberty runtime the build downloaded: a fresh server
 * made with {@code bin/server create}, the {@code server.xml} taken verbatim from the document (only the
 * example Redis address is replaced by the test Redis), the WAR copied into {@code apps},
 * {@code bin/server start}, {@code /health/ready}, {@code bin/server stop}.
 *
 * <p>{@code SCIM_REDIS_URL} in the server's environment points at a closed port, so readiness proves
 * that the {@code server.xml} variable reaches the bridge through MicroProfile Config and wins over the
 * environment, as the document says. When the build provides a scimsession ({@code scim.it.sessionFile}),
 * it is installed where the document's {@code scim.session} variable points, with mode 0400, and its token
 * where the document's {@code scim.token.file} example points, so the bridge unlocks at start-up.
 */
class ExistingLibertyInstallIT {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "."));
    private static final Path DOC = ROOT.resolve("docs/install/liberty.md");
    private static final String DOC_REDIS_URL = "redis://redis.acme.internal:6379";
    private static final String SERVER = "scimBridgeExisting";

    @Test
    void documentedServerXmlListsTheFeaturesOfTheBuildsServerXml() throws Exception {
        assertEquals(features(Files.readString(ROOT.resolve("liberty/config/server.xml"))), features(documentedServerXml()),
                "docs/install/liberty.md step 3 must enable the features liberty/config/server.xml enables");
    }

    @Test
    void bridgeRunsInAFreshServerConfiguredAsDocumented() throws Exception {
        Path wlp = Path.of(ItEnvironment.required("scim.it.wlpHome"));
        Path serverDir = wlp.resolve("usr/servers").resolve(SERVER);
        ServerProcesses.deleteRecursively(serverDir);
        ServerProcesses.deleteRecursively(wlp.resolve("usr/servers/.logs").resolve(SERVER));
        run(wlp, Map.of(), "create", SERVER);

        String serverXml = documentedServerXml();
        assertTrue(serverXml.contains(DOC_REDIS_URL), "the documented server.xml no longer names " + DOC_REDIS_URL);
        Files.writeString(serverDir.resolve("server.xml"), serverXml.replace(DOC_REDIS_URL, ItEnvironment.redisUrl()));
        Files.copy(ItEnvironment.war(), serverDir.resolve("apps/scim-bridge.war"),
                StandardCopyOption.REPLACE_EXISTING);
        boolean unlockAtStart = installSessionIfTheBuildHasOne(serverDir);

        int port = freePort();
        // HTTP_PORT as documented; SCIM_REDIS_URL deliberately wrong: the server.xml variable must win.
        Map<String, String> env = Map.of("HTTP_PORT", Integer.toString(port), "SCIM_REDIS_URL", "redis://127.0.0.1:1");
        Path messages = serverDir.resolve("logs/messages.log");
        try {
            run(wlp, env, "start", SERVER);
            HttpResponse<String> ready = ServerProcesses.awaitReady("http://127.0.0.1:" + port + "/health/ready", Duration.ofSeconds(180), messages, null);
            JsonObject body = json(ready.body());
            assertTrue(body.getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .anyMatch(c -> c.getString("name").equals("redis") && c.getString("status").equals("UP")), body.toString());
            if (unlockAtStart) {
                // scim.token.file as a server.xml variable reaches the early unlock, which ends before the application starts.
                assertTrue(body.getJsonArray("checks").stream().map(JsonObject.class::cast)
                        .anyMatch(c -> c.getString("name").equals("scimsession")
                                && c.getJsonObject("data").getString("state", "").equals("unlocked")), body.toString());
            }
            URI redis = URI.create(ItEnvironment.redisUrl());
            String log = Files.readString(messages);
            assertTrue(log.contains("Redis: redis://" + redis.getHost() + ":" + redis.getPort()),
                    "the bridge did not log the Redis of server.xml:\n" + ServerProcesses.tail(messages));
            assertFalse(log.contains("EMBEDDED Redis"), "the bridge started the embedded Redis:\n" + ServerProcesses.tail(messages));
            assertFalse(log.contains("instead of early"), "the early start-up unlock did not begin:\n" + ServerProcesses.tail(messages));
            assertEquals("pong", getUrl("http://127.0.0.1:" + port + "/ping").body());
            // Metrics off: RESTEasy has only the providers RestEasyProviders registers; OPTIONS and HEAD still work.
            HttpResponse<String> options = ItEnvironment.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, options.statusCode(), options.body());
            assertTrue(options.headers().firstValue("Allow").orElse("").contains("GET"), options.headers().map().toString());
            HttpResponse<String> head = ItEnvironment.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertNotEquals(200, getUrl("http://127.0.0.1:" + port + "/metrics").statusCode(),
                    "the documented server.xml leaves /metrics out (it is optional)");
        } finally {
            run(wlp, Map.of(), "stop", SERVER);
        }
    }

    /** The first xml code block of docs/install/liberty.md, which is the complete server.xml of step 3. */
    private static String documentedServerXml() throws IOException {
        Matcher block = Pattern.compile("```xml\\n(<server[\\s\\S]*?</server>)\\n```").matcher(Files.readString(DOC));
        assertTrue(block.find(), "no ```xml block starting with <server> in " + DOC);
        return block.group(1) + "\n";
    }

    private static Set<String> features(String serverXml) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(serverXml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("feature");
        Set<String> features = new TreeSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            features.add(nodes.item(i).getTextContent().trim());
        }
        return features;
    }

    /** The documented place: {@code ${server.config.dir}/resources/security/scimsession}, owner-read-only. */
    /**
     * Installs the build's scimsession where the documented {@code scim.session} variable points, and its
     * token where the document's {@code scim.token.file} example points, adding that variable to the
     * server.xml. Returns whether it did (the bridge then unlocks at start-up).
     */
    private static boolean installSessionIfTheBuildHasOne(Path serverDir) throws IOException {
        String session = System.getProperty("scim.it.sessionFile");
        if (session == null || session.isBlank()) {
            return false; // this build generates no scimsession yet
        }
        Path target = serverDir.resolve("resources/security/scimsession");
        Files.createDirectories(target.getParent());
        Files.copy(Path.of(session), target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--------"));

        String variable = documentedTokenFileVariable();
        Path token = serverDir.resolve("resources/security/bearer.token");
        Files.copy(CredentialsItSupport.tokenFile(), token, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("r--------"));
        Path serverXml = serverDir.resolve("server.xml");
        Files.writeString(serverXml, Files.readString(serverXml).replace("</server>", "    " + variable + "\n</server>"));
        return true;
    }

    /** The {@code scim.token.file} variable docs/install/liberty.md gives as its example. */
    private static String documentedTokenFileVariable() throws IOException {
        Matcher m = Pattern.compile("`(<variable name=\"scim.token.file\"[^`]*/>)`").matcher(Files.readString(DOC));
        assertTrue(m.find(), "docs/install/liberty.md no longer shows the scim.token.file variable");
        return m.group(1);
    }

    /** {@code bin/server <action> <server>} with the test's own Java, waiting for the script to return. */
    private static void run(Path wlp, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(wlp.resolve("bin/server").toString());
        command.addAll(List.of(args));
        // Output to a file, not a pipe: "start" leaves a server process behind that must not hold our pipe.
        Path out = wlp.getParent().resolve(SERVER + "-" + args[0] + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SCIM_") || name.startsWith("WLP_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("bin/server " + String.join(" ", args) + " did not return:\n" + Files.readString(out));
        }
        assertEquals(0, process.exitValue(), "bin/server " + String.join(" ", args) + ":\n" + Files.readString(out));
    }

}
