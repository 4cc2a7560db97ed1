package dev.scimbridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liberty/seed-output.sh}, the container image's entrypoint, run with {@code sh} against folders:
 * it copies the seed kept for the current {@code SCIM_METRICS_ENABLED} into an output directory without
 * a workarea (timestamps kept, so Liberty's caches stay valid), never over an existing workarea, seeds
 * again after an interrupted copy, starts empty when the copy fails, and always becomes the command it
 * was given (exec), with its arguments and exit status.
 * src/bench/bridge.sh runs the same script against a real Liberty (docs/benchmarks.md, round 7).
 */
class SeedOutputScriptTest {

    private static final Path SCRIPT = Paths.get(System.getProperty("basedir", "."), "liberty/seed-output.sh");
    private static final FileTime BUILD_TIME = FileTime.fromMillis(1_700_000_000_000L);

    @TempDir
    Path dir;
    private Path seeds;
    private Path target;

    @BeforeEach
    void seedMadeWithMetricsOff() throws IOException {
        seeds = dir.resolve("seed");
        Path seed = seeds.resolve("metrics-false");
        write(seed.resolve("workarea/org.eclipse.osgi/framework.info"), "bundles");
        write(seed.resolve("workarea/platform/feature.cache"), "restfulWS-3.1");
        write(seed.resolve("apps/expanded/scim-bridge.war/WEB-INF/beans.xml"), "<beans/>");
        target = dir.resolve("output/defaultServer");
    }

    @Test
    void copiesTheSeedIntoAnEmptyOutputDirectoryKeepingTimestampsThenRunsTheCommand() throws Exception {
        Run run = run(Map.of(), "sh", "-c", "echo \"$0 $1\" > \"$SCIM_SEED_TARGET/ran\"", "server", "run");

        assertEquals(0, run.exit, run.stderr);
        assertEquals("bundles", Files.readString(target.resolve("workarea/org.eclipse.osgi/framework.info")));
        assertEquals("restfulWS-3.1", Files.readString(target.resolve("workarea/platform/feature.cache")));
        assertEquals("<beans/>", Files.readString(target.resolve("apps/expanded/scim-bridge.war/WEB-INF/beans.xml")));
        assertEquals(BUILD_TIME, Files.getLastModifiedTime(target.resolve("workarea/platform/feature.cache")));
        assertEquals("server run\n", Files.readString(target.resolve("ran")), "the command runs with its arguments");
    }

    @Test
    void neverTouchesAnExistingWorkarea() throws Exception {
        write(target.resolve("workarea/platform/feature.cache"), "from the last start");

        Run run = run(Map.of(), "true");

        assertEquals(0, run.exit, run.stderr);
        assertEquals("from the last start", Files.readString(target.resolve("workarea/platform/feature.cache")));
        assertFalse(Files.exists(target.resolve("workarea/org.eclipse.osgi")));
        assertFalse(Files.exists(target.resolve("apps/expanded")));
    }

    @Test
    void startsEmptyWhenNoSeedWasMadeForTheMetricsSetting() throws Exception {
        Run run = run(Map.of("SCIM_METRICS_ENABLED", "true"), "sh", "-c", "mkdir -p \"$SCIM_SEED_TARGET\" && touch \"$SCIM_SEED_TARGET/ran\"");

        assertEquals(0, run.exit, run.stderr);
        assertTrue(Files.exists(target.resolve("ran")));
        assertFalse(Files.exists(target.resolve("workarea")), "a workarea made with /metrics off would keep it off");
    }

    @Test
    void startsEmptyWhenTheCopyFailsAndStillRunsTheCommand() throws Exception {
        write(target.resolve("apps"), "a file where the apps folder goes");

        Run run = run(Map.of(), "sh", "-c", "touch \"$SCIM_SEED_TARGET/ran\"");

        assertEquals(0, run.exit, run.stderr);
        assertTrue(Files.exists(target.resolve("ran")));
        assertFalse(Files.exists(target.resolve("workarea")));
        assertTrue(run.stderr.contains("the server starts with an empty workarea"), run.stderr);
    }

    @Test
    void seedsAgainAfterAnInterruptedCopy() throws Exception {
        // What a start killed while copying leaves: a staging folder and possibly the expanded WAR, no workarea.
        write(target.resolve(".seed-output.4242/workarea/platform/feature.cache"), "half");
        write(target.resolve("apps/expanded/scim-bridge.war/stale"), "from the interrupted copy");

        Run run = run(Map.of(), "true");

        assertEquals(0, run.exit, run.stderr);
        assertEquals("restfulWS-3.1", Files.readString(target.resolve("workarea/platform/feature.cache")));
        assertEquals("<beans/>", Files.readString(target.resolve("apps/expanded/scim-bridge.war/WEB-INF/beans.xml")));
        assertFalse(Files.exists(target.resolve("apps/expanded/scim-bridge.war/stale")));
        try (var left = Files.list(target)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".seed-output")).toList());
        }
    }

    @Test
    void replacesItselfWithTheCommandSoSignalsReachTheServer() throws Exception {
        List<String> line = command("sh", "-c", "echo $$ > \"$SCIM_SEED_TARGET/pid\"");
        Process process = builder(Map.of(), line).start();
        assertEquals(0, process.waitFor());
        assertEquals(process.pid(), Long.parseLong(Files.readString(target.resolve("pid")).trim()),
                "the script must exec the command, not run it as a child");
    }

    @Test
    void defaultsToTheServersFolderInLibertysOutputDirectory() throws Exception {
        Path output = dir.resolve("wlp-output");
        Run run = run(Map.of("SCIM_SEED_TARGET", "", "WLP_OUTPUT_DIR", output.toString()), "true");

        assertEquals(0, run.exit, run.stderr);
        assertEquals("bundles", Files.readString(output.resolve("defaultServer/workarea/org.eclipse.osgi/framework.info")));
    }

    @Test
    void theCommandsExitStatusIsTheContainers() throws Exception {
        assertEquals(3, run(Map.of(), "sh", "-c", "exit 3").exit);
    }

    private record Run(int exit, String stderr) {
    }

    private Run run(Map<String, String> env, String... command) throws Exception {
        Process process = builder(env, command(command)).start();
        String stderr = new String(process.getErrorStream().readAllBytes());
        return new Run(process.waitFor(), stderr);
    }

    private static List<String> command(String... command) {
        List<String> line = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        line.addAll(List.of(command));
        return line;
    }

    /** The script with the seed folder set; an empty value in {@code env} removes that variable. */
    private ProcessBuilder builder(Map<String, String> env, List<String> line) {
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().remove("SCIM_METRICS_ENABLED");
        builder.environment().remove("WLP_OUTPUT_DIR");
        builder.environment().put("SCIM_SEED_DIR", seeds.toString());
        builder.environment().put("SCIM_SEED_TARGET", target.toString());
        env.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return builder;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, BUILD_TIME);
    }
}
