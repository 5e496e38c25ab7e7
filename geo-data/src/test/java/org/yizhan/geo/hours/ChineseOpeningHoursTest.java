package org.yizhan.geo.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chinese opening hours as staff write them, converted to OSM syntax, then parsed and evaluated by
 * {@link OpeningHours}: each case names instants (weekday and time) at which the station must be
 * open and others at which it must be closed, so a wrong conversion fails even where the expected
 * OSM text looks plausible.
 */
class ChineseOpeningHoursTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // typed                                         | OSM                                   | open at
                //            | closed at
                "周一至周六 7:30-19:30                            | Mo-Sa 07:30-19:30                     | Mo 07:30 Sa 19:29        | Mo 07:29 Sa 19:30 Su 12:00",
                "每天8点到晚上8点                                  | Mo-Su 08:00-20:00                     | Su 08:00 We 19:59        | We 20:00 Th 07:59",
                "工作日 9:00-17:00                                | Mo-Fr 09:00-17:00                     | Fr 16:59                 | Sa 10:00 Mo 17:00",
                "24小时                                           | 24/7                                  | Su 03:00 We 23:59        | ",
                "全天                                             | 24/7                                  | Mo 00:00                 | ",
                "全天开放                                          | 24/7                                  | Sa 04:00                 | ",
                "7×24小时                                         | 24/7                                  | Tu 02:00                 | ",
                "周一到周五上午9点至下午5点                         | Mo-Fr 09:00-17:00                     | Mo 09:00 Fr 16:30        | Mo 08:59 Sa 10:00",
                "周一至周五 9:00-17:00，节假日休息                   | Mo-Fr 09:00-17:00                     | Tu 12:00                 | Su 12:00",
                "每天8点到晚上8点节假日休息                          | Mo-Su 08:00-20:00                     | Mo 08:00 Su 19:59        | Mo 20:00",
                "每天 8:00-20:00；周日休息                          | Mo-Su 08:00-20:00; Su off             | Sa 19:00                 | Su 12:00",
                "周一至周五 8:00-12:00，14:00-18:00                 | Mo-Fr 08:00-12:00,14:00-18:00         | Mo 08:00 Mo 15:00        | Mo 12:30 Sa 09:00",
                "周一至周五 8:00-12:00、14:00-18:00                 | Mo-Fr 08:00-12:00,14:00-18:00         | We 11:59                 | We 13:00",
                "周一至周五 9:00-17:00，周六、周日 10:00-16:00        | Mo-Fr 09:00-17:00; Sa,Su 10:00-16:00  | Sa 10:00 Su 15:59        | Sa 09:00 Fr 17:30",
                "星期一至星期五 8：30—17：30                         | Mo-Fr 08:30-17:30                     | Th 08:30                 | Th 17:30",
                "礼拜一到礼拜六 早8点到晚6点                          | Mo-Sa 08:00-18:00                     | Sa 17:59                 | Su 09:00",
                "周一、三、五 9点半-11点半                           | Mo,We,Fr 09:30-11:30                  | We 09:30                 | Tu 10:00 We 11:30",
                "周六日休息，其余 8-18                               | ERROR                                 |                          | ",
                "周一至周五 9-5                                     | Mo-Fr 09:00-17:00                     | Mo 16:00                 | Mo 18:00",
                "每天 22:00-6:00                                    | Mo-Su 22:00-06:00                     | Tu 23:00 We 05:59        | We 06:00 We 21:59",
                "每日晚上10点到早上6点                               | Mo-Su 22:00-06:00                     | Mo 22:00                 | Mo 21:00",
                "营业时间：周一至周五 8:00-18:00                     | Mo-Fr 08:00-18:00                     | Mo 08:00                 | Su 08:00",
                "周末 10:00-16:00                                   | Sa,Su 10:00-16:00                     | Su 10:00                 | Mo 10:00",
                "８：００－２０：００                                 | Mo-Su 08:00-20:00                     | Mo 08:00                 | Mo 20:00",
                "每天8点起至20点止                                   | Mo-Su 08:00-20:00                     | Mo 19:00                 | Mo 20:00",
                "下午2点到5点                                        | Mo-Su 14:00-17:00                     | Mo 14:00                 | Mo 13:59 Mo 17:00",
                "中午12点至下午2点                                   | Mo-Su 12:00-14:00                     | Mo 12:00                 | Mo 14:00",
                "周五至周一 10:00-22:00                              | Fr-Mo 10:00-22:00                     | Su 12:00 Mo 12:00       | Tu 12:00 Th 12:00",
                "周一至周五 全天，周末 9:00-18:00                     | Mo-Fr 00:00-24:00; Sa,Su 09:00-18:00  | Tu 03:00                 | Sa 03:00",
                "周一至周六 7:30-19:30，周日及节假日休息               | Mo-Sa 07:30-19:30; Su off             | Mo 08:00                 | Su 08:00",
                "周六日 9点-17点                                     | Sa,Su 09:00-17:00                     | Sa 09:00 Su 09:00        | Fr 09:00",
                "每天 0:00-24:00                                     | 24/7                                  | Mo 00:00                 | ",
                "周一至周四 8:30-17:30；周五 8:30-12:00               | Mo-Th 08:30-17:30; Fr 08:30-12:00     | Th 17:00 Fr 11:59        | Fr 12:00",
            })
    void convertsAndEvaluates(String typed, String osm, String openAt, String closedAt) {
        if ("ERROR".equals(osm)) {
            assertThat(catchThrowableOfType(InvalidOpeningHoursException.class, () -> ChineseOpeningHours.read(typed)))
                    .isNotNull();
            return;
        }
        ChineseOpeningHours.Conversion c = ChineseOpeningHours.read(typed);
        assertThat(c.osm()).isEqualTo(osm);
        OpeningHours hours = OpeningHours.parse(c.osm());
        for (LocalDateTime t : instants(openAt))
            assertThat(hours.stateAt(t).open()).as("%s open at %s", osm, t).isTrue();
        for (LocalDateTime t : instants(closedAt))
            assertThat(hours.stateAt(t).open()).as("%s closed at %s", osm, t).isFalse();
        assertThat(c.notes().isEmpty())
                .as("a note exactly when holidays were named")
                .isEqualTo(!typed.contains("节假日"));
        for (ChineseOpeningHours.Note note : c.notes()) {
            assertThat(note.reason()).isEqualTo(ChineseOpeningHours.NoteReason.HOLIDAYS_LEFT_OUT);
            assertThat(note.values()).singleElement().asString().contains("节假日");
            assertThat(typed).contains(note.values().get(0).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mo-Fr 09:00-17:00", "24/7", "Mo-Sa 07:30-19:30; Su off"})
    void osmSyntaxIsKeptAsTyped(String typed) {
        assertThat(ChineseOpeningHours.read(typed).osm()).isEqualTo(typed);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "周一至周五 早晚             | 早晚",
                "周一至周五 9点             | no end time",
                "周一至周五                 | no times",
                "每天 25:00-26:00          | not a time of day",
                "看情况                    | 看情况"
            })
    void whatCannotBeReadIsQuoted(String typed, String quoted) {
        InvalidOpeningHoursException e =
                catchThrowableOfType(InvalidOpeningHoursException.class, () -> ChineseOpeningHours.read(typed));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(quoted).contains("周一至周五 9:00-17:00");
    }

    /** "Mo 07:30 Sa 19:29" as local times in a fixed week. */
    private static java.util.List<LocalDateTime> instants(String spec) {
        java.util.List<LocalDateTime> out = new java.util.ArrayList<>();
        if (spec == null || spec.isBlank()) return out;
        String[] parts = spec.trim().split("\\s+");
        LocalDate monday = LocalDate.of(2026, 3, 2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        java.util.List<String> days = java.util.List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");
        for (int k = 0; k < parts.length; k += 2) {
            out.add(monday.plusDays(days.indexOf(parts[k])).atTime(LocalTime.parse(parts[k + 1])));
        }
        return out;
    }
}
