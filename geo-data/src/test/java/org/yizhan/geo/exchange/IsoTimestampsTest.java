package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written printers against the JDK's own formatters, which are the reference. */
class IsoTimestampsTest {

    private static final long SEED = 20261127L;

    @Test
    void instantsPrintAsIsoInstant() {
        for (Instant instant : instants()) {
            assertThat(IsoTimestamps.instant(instant))
                    .as("%s (seed %d)", instant, SEED)
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }

    @Test
    void offsetDateTimesPrintAsIsoOffsetDateTime() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<ZoneOffset> offsets = List.of(
                ZoneOffset.UTC,
                ZoneOffset.ofHours(8),
                ZoneOffset.ofHoursMinutes(5, 30),
                ZoneOffset.ofHoursMinutes(-9, -30),
                ZoneOffset.ofHours(-12),
                ZoneOffset.ofHours(14),
                ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)); // seconds: the formatter's own path
        for (Instant instant : instants()) {
            if (instant.equals(Instant.MIN) || instant.equals(Instant.MAX)) continue; // no offset fits them
            ZoneOffset offset = offsets.get(random.nextInt(offsets.size()));
            OffsetDateTime time = instant.atOffset(offset);
            assertThat(IsoTimestamps.offsetDateTime(time))
                    .as("%s (seed %d)", time, SEED)
                    .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        }
    }

    @Test
    void theShapesAStationAnswerCarries() {
        assertThat(IsoTimestamps.instant(Instant.parse("2026-11-27T08:05:09.120Z")))
                .isEqualTo("2026-11-27T08:05:09.120Z");
        assertThat(IsoTimestamps.instant(Instant.parse("2026-01-02T00:00:00Z"))).isEqualTo("2026-01-02T00:00:00Z");
        assertThat(IsoTimestamps.offsetDateTime(OffsetDateTime.parse("2026-11-27T18:00+08:00")))
                .isEqualTo("2026-11-27T18:00:00+08:00");
    }

    /** Edge values (fraction widths, year and day limits, leap days) and seeded random ones across all years. */
    private static List<Instant> instants() {
        System.out.println("IsoTimestampsTest seed " + SEED);
        List<Instant> out = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.ofEpochSecond(-1),
                Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T12:00:00.5Z"),
                Instant.parse("2026-11-27T08:00:00.000001Z"),
                Instant.parse("2026-11-27T08:00:00.000000001Z"),
                Instant.parse("1900-03-01T23:59:59.010Z"),
                Instant.MIN,
                Instant.MAX));
        SplittableRandom random = new SplittableRandom(SEED);
        int[] nanoSteps = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 20_000; i++) {
            long seconds = i % 2 == 0
                    ? random.nextLong(-70_000_000_000L, 260_000_000_000L) // around year 0 to after 9999
                    : random.nextLong(946_684_800L, 4_102_444_800L); // 2000–2100, a register's dates
            int step = nanoSteps[random.nextInt(nanoSteps.length)];
            int nano = step == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / step) * step;
            out.add(Instant.ofEpochSecond(seconds, nano));
        }
        return out;
    }
}
