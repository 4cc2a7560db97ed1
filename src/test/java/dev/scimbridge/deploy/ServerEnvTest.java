package dev.scimbridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code liberty/config/server.env}, the shipped server's environment defaults. Liberty's {@code bin/server}
 * sources the file with {@code sh} when one of its comment lines is {@code # enable_variable_expansion} (this
 * file keeps it first); this test
 * sources it the same way and checks that a value from the environment wins over the default, and that an
 * unset {@code SCIM_METRICS_ENABLED} becomes {@code false}, so that {@code server.xml}'s include resolves
 * (RunnableJarIT checks a real start logs no {@code CWWKG0084W}).
 */
class ServerEnvTest {

    private static final Path SERVER_ENV = Path.of(System.getProperty("basedir", "."), "liberty/config/server.env");

    @Test
    void firstLineEnablesLibertysVariableExpansion() throws Exception {
        assertEquals("# enable_variable_expansion", Files.readAllLines(SERVER_ENV).get(0));
    }

    @ParameterizedTest(name = "SCIM_METRICS_ENABLED {0} -> {1}")
    @CsvSource({"<unset>, false", "'', false", "true, true", "false, false"})
    void metricsSwitchKeepsTheEnvironmentsValueAndDefaultsToFalse(String given, String expected) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", ". \"$0\" && printf %s \"$SCIM_METRICS_ENABLED\"",
                SERVER_ENV.toString())).redirectErrorStream(true);
        builder.environment().remove("SCIM_METRICS_ENABLED");
        if (!given.equals("<unset>")) {
            builder.environment().put("SCIM_METRICS_ENABLED", given);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
        assertEquals(expected, output);
    }
}
