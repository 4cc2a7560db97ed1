package dev.scimbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryConfigTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "PT60S, 60000",
            "PT2S, 2000",
            "30, 30000",
            "0, 0",
            "manual, -",
            "MANUAL, -",
    })
    void confirmationInterval(String value, Long millis) {
        DirectoryConfig config = new DirectoryConfig();
        config.confirmationInterval = value;
        assertEquals(Optional.ofNullable(millis).map(Duration::ofMillis), config.confirmationInterval());
    }
}
