package dev.scimbridge.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link DateTimes#iso} against {@code DateTimeFormatter.ISO_INSTANT}, the format it replaces. */
class DateTimesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the epoch                       | 0                     | 0         | 1970-01-01T00:00:00Z
            milliseconds                    | 1796305703            | 120000000 | 2026-12-03T13:48:23.120Z
            microseconds                    | 1796305703            | 120500000 | 2026-12-03T13:48:23.120500Z
            nanoseconds                     | 1796305703            | 1         | 2026-12-03T13:48:23.000000001Z
            a leap day                      | 951782400             | 0         | 2000-02-29T00:00:00Z
            the last second of a year       | 946684799             | 999000000 | 1999-12-31T23:59:59.999Z
            before the epoch                | -1                    | 0         | 1969-12-31T23:59:59Z
            the first day of year 0         | -62167219200          | 0         | 0000-01-01T00:00:00Z
            the last second of year 9999    | 253402300799          | 0         | 9999-12-31T23:59:59Z
            year 10000, through the formatter | 253402300800        | 0         | +10000-01-01T00:00:00Z
            a year before 0, through it too | -62167219201          | 0         | -0001-12-31T23:59:59Z
            """)
    void writesWhatIsoInstantWrites(String name, long seconds, int nanos, String expected) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        assertEquals(expected, DateTimes.iso(instant));
        assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), DateTimes.iso(instant));
    }

    @Test
    void agreesWithIsoInstantOnMillisecondsAcrossTheYearsItWritesItself() {
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(first, last + 1));
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), DateTimes.iso(instant), instant::toString);
        }
    }
}
