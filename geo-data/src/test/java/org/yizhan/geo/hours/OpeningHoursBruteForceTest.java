package org.yizhan.geo.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares {@link OpeningHours#stateAt} minute by minute over a week with a separate reference evaluator for the
 * weekday-only subset. The reference paints one circular week of minutes rule by rule, instead of evaluating day
 * by day with carry-over from the evening before as the production code does.
 */
class OpeningHoursBruteForceTest {

    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;
    private static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");
    private static final LocalDateTime MONDAY = LocalDateTime.of(2025, 6, 2, 0, 0);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00",
                "Mo-Fr 08:00-12:00,14:00-18:00",
                "Su 22:00-06:00",
                "Mo-Su 18:00-02:00; Tu off",
                "Mo 06:00-15:00; Tu-Th 07:00-04:00; Fr-Su 09:00-17:00",
                "Fr-Mo 10:00-12:00; Sa 20:00-24:00; Su 00:00-03:00 off",
                "Mo-Fr 08:00-12:00; We 14:00-26:00; Th 01:00-02:00 off; Sa,Su 00:00-24:00",
                "Mo-Su 00:00-24:00; We 12:00-13:00 off",
                "Sa 23:00-01:00; Su 12:00-13:00; Mo 00:30-00:45 off"
            })
    void agreesWithReferenceEveryMinuteOfTheWeek(String hours) {
        OpeningHours parsed = OpeningHours.parse(hours);
        boolean[] week = referenceWeek(hours);

        for (int minute = 0; minute < WEEK; minute++) {
            LocalDateTime at = MONDAY.plusMinutes(minute);
            assertThat(parsed.stateAt(at))
                    .as("%s at %s", hours, at)
                    .isEqualTo(new OpenState(week[minute], firstFlipAfter(week, minute)));
        }
    }

    private static @Nullable LocalDateTime firstFlipAfter(boolean[] week, int minute) {
        for (int later = minute + 1; later <= minute + 8 * DAY; later++) {
            if (week[later % WEEK] != week[minute]) {
                return MONDAY.plusMinutes(later);
            }
        }
        return null;
    }

    /**
     * Rules of the form {@code [days] [hh:mm-hh:mm[,...]] [off]} joined by {@code ;}. Each rule first blanks every
     * day it names (unless it is an off rule), then paints its spans, which may run past midnight.
     */
    private static boolean[] referenceWeek(String hours) {
        boolean[] week = new boolean[WEEK];
        for (String rule : hours.split(";")) {
            List<String> words = new ArrayList<>(List.of(rule.trim().split(" ")));
            boolean off = words.remove("off");
            List<Integer> days =
                    words.isEmpty() || !Character.isLetter(words.get(0).charAt(0))
                            ? List.of(0, 1, 2, 3, 4, 5, 6)
                            : days(words.remove(0));
            String spans = words.isEmpty() ? "00:00-24:00" : words.get(0);
            if (!off) {
                days.forEach(day -> paint(week, day * DAY, (day + 1) * DAY, false));
            }
            for (int day : days) {
                for (String span : spans.split(",")) {
                    String[] ends = span.split("-");
                    int start = minutes(ends[0]);
                    int end = minutes(ends[1]) <= start ? minutes(ends[1]) + DAY : minutes(ends[1]);
                    paint(week, day * DAY + start, day * DAY + end, !off);
                }
            }
        }
        return week;
    }

    private static List<Integer> days(String selector) {
        List<Integer> days = new ArrayList<>();
        for (String part : selector.split(",")) {
            String[] ends = part.split("-");
            int first = DAYS.indexOf(ends[0]);
            int last = DAYS.indexOf(ends[ends.length - 1]);
            for (int day = first; ; day = (day + 1) % 7) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    private static void paint(boolean[] week, int from, int to, boolean open) {
        for (int minute = from; minute < to; minute++) {
            week[minute % WEEK] = open;
        }
    }
}
