package dev.scimbridge.testsupport;

import static dev.scimbridge.testsupport.ItEnvironment.getUrl;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** Helpers for ITs that start a bridge of their own (runnable jar, a hand-installed server). */
public final class ServerProcesses {

    private ServerProcesses() {
    }

    /**
     * Polls {@code url} until it answers 200; fails with the last answer and the log's tail on timeout,
     * or as soon as {@code process} (may be null) exits.
     */
    public static HttpResponse<String> awaitReady(String url, Duration timeout, Path log, Process process) throws IOException {
        try {
            return Await.until("ready at " + url, timeout, () -> {
                if (process != null && !process.isAlive()) {
                    fail("the process exited with " + process.exitValue() + " before it was ready");
                }
                return getUrl(url);
            }, ready -> ready.statusCode() == 200, ItEnvironment::describe);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + tail(log), e);
        }
    }

    /** The last 40 lines of a log, for failure messages. */
    public static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no " + log + ")";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
