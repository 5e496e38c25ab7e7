package org.yizhan.geo.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 timestamps exactly as {@link DateTimeFormatter#ISO_INSTANT} and
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} print them, written digit by digit. A viewport
 * of 500 stations prints up to 1,500 of them, and the formatters' general machinery (a print
 * context, a BigDecimal per fraction) was a sixth of its serialising time. Years outside
 * 0000–9999 and offsets with seconds go to the formatters themselves; {@code IsoTimestampsTest}
 * compares both on seeded random and edge values.
 */
public final class IsoTimestamps {

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years printed with four digits and no sign. */
    private static final long FIRST_SECOND = -62_167_219_200L;

    private static final long LAST_SECOND = 253_402_300_799L;

    private IsoTimestamps() {}

    /** As {@code DateTimeFormatter.ISO_INSTANT.format(instant)}: UTC, fraction in groups of three digits. */
    public static String instant(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) return DateTimeFormatter.ISO_INSTANT.format(instant);
        byte[] out = new byte[30];
        int n = dateTime(out, seconds);
        int nano = instant.getNano();
        if (nano != 0) {
            if (nano % 1_000_000 == 0) n = fraction(out, n, nano / 1_000_000, 3);
            else if (nano % 1_000 == 0) n = fraction(out, n, nano / 1_000, 6);
            else n = fraction(out, n, nano, 9);
        }
        out[n++] = 'Z';
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    /**
     * As {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)}: seconds always, a fraction
     * only as long as it needs, the offset as {@code +08:00} or {@code Z}.
     */
    public static String offsetDateTime(OffsetDateTime time) {
        int offset = time.getOffset().getTotalSeconds();
        long seconds = time.toLocalDateTime().toEpochSecond(java.time.ZoneOffset.UTC);
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND || offset % 60 != 0)
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        byte[] out = new byte[40];
        int n = dateTime(out, seconds);
        int nano = time.getNano();
        if (nano != 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            n = fraction(out, n, nano, digits);
        }
        if (offset == 0) {
            out[n++] = 'Z';
        } else {
            out[n++] = (byte) (offset < 0 ? '-' : '+');
            int minutes = Math.abs(offset) / 60;
            n = twoDigits(out, n, minutes / 60);
            out[n++] = ':';
            n = twoDigits(out, n, minutes % 60);
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} of seconds since 1970 in UTC; the year is 0–9999. */
    private static int dateTime(byte[] out, long epochSecond) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
        int year = date.getYear();
        int n = twoDigits(out, 0, year / 100);
        n = twoDigits(out, n, year % 100);
        out[n++] = '-';
        n = twoDigits(out, n, date.getMonthValue());
        out[n++] = '-';
        n = twoDigits(out, n, date.getDayOfMonth());
        out[n++] = 'T';
        n = twoDigits(out, n, secondOfDay / 3600);
        out[n++] = ':';
        n = twoDigits(out, n, secondOfDay / 60 % 60);
        out[n++] = ':';
        return twoDigits(out, n, secondOfDay % 60);
    }

    /** A point and {@code value} as exactly {@code digits} digits, zero-padded on the left. */
    private static int fraction(byte[] out, int n, int value, int digits) {
        out[n++] = '.';
        for (int i = digits - 1; i >= 0; i--) {
            out[n + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return n + digits;
    }

    private static int twoDigits(byte[] out, int n, int value) {
        out[n] = (byte) ('0' + value / 10);
        out[n + 1] = (byte) ('0' + value % 10);
        return n + 2;
    }
}
