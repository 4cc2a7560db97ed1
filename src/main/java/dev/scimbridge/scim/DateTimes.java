package dev.scimbridge.scim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * SCIM's {@code dateTime} values (RFC 7643 §2.3.5, {@code xsd:dateTime}) as {@code meta.created} and
 * {@code meta.lastModified} carry them: UTC, the text {@link DateTimeFormatter#ISO_INSTANT} writes, for example
 * {@code 2026-12-03T13:48:23.120Z}. Written by hand for years 0000 to 9999, where formatting through
 * {@code DateTimeFormatter} was a third of writing a user's answer (docs/benchmarks.md, round 27); other years
 * go through it.
 */
public final class DateTimes {
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private DateTimes() {
    }

    /** {@code instant} as {@code DateTimeFormatter.ISO_INSTANT.format(instant)} writes it. */
    public static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        if (day < FIRST_DAY || day > LAST_DAY) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] out = new char[30];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int end = 19;
        int nano = instant.getNano();
        if (nano != 0) {
            out[end++] = '.';
            if (nano % 1_000_000 == 0) {
                end = digits(out, end, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                end = digits(out, end, nano / 1_000, 6);
            } else {
                end = digits(out, end, nano, 9);
            }
        }
        out[end++] = 'Z';
        return new String(out, 0, end);
    }

    /** Writes {@code value} in {@code width} decimal digits, zero-padded, at {@code at}; returns the index after them. */
    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
