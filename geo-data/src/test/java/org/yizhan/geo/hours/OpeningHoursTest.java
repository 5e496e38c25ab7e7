package org.yizhan.geo.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Table tests; the week used is Mon 2025-06-02 .. Sun 2025-06-08. */
class OpeningHoursTest {

    private static final String WORKWEEK = "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00";

    @ParameterizedTest(name = "''{0}'' at {1}: open={2}, next change {3}")
    @CsvSource(delimiter = '|', nullValues = "never", textBlock = """
      24/7                                          | 2025-06-02T03:00    | true  | never
      Mo-Su 00:00-24:00                             | 2025-06-04T23:59    | true  | never
      off                                           | 2025-06-02T12:00    | false | never
      Mo-Fr 08:00-18:00 off                         | 2025-06-02T12:00    | false | never
      Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00          | 2025-06-02T07:59    | false | 2025-06-02T08:00
      Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00          | 2025-06-02T07:59:30 | false | 2025-06-02T08:00
      Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00          | 2025-06-02T08:00    | true  | 2025-06-02T18:00
      Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00          | 2025-06-02T17:59    | true  | 2025-06-02T18:00
      Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00          | 2025-06-02T18:00    | false | 2025-06-03T08:00
      Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00          | 2025-06-06T18:30    | false | 2025-06-07T09:00
      Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00          | 2025-06-08T17:00    | false | 2025-06-09T08:00
      Su 22:00-06:00                                | 2025-06-08T21:59    | false | 2025-06-08T22:00
      Su 22:00-06:00                                | 2025-06-08T23:59    | true  | 2025-06-09T06:00
      Su 22:00-06:00                                | 2025-06-02T03:00    | true  | 2025-06-02T06:00
      Su 22:00-06:00                                | 2025-06-02T06:00    | false | 2025-06-08T22:00
      Mo-Su 18:00-02:00                             | 2025-06-03T01:00    | true  | 2025-06-03T02:00
      Mo-Su 18:00-02:00                             | 2025-06-03T02:00    | false | 2025-06-03T18:00
      Mo-Su 18:00-02:00                             | 2025-06-03T23:00    | true  | 2025-06-04T02:00
      Mo-Fr 08:00-24:00                             | 2025-06-06T23:59    | true  | 2025-06-07T00:00
      Mo-Fr 00:00-24:00                             | 2025-06-02T12:00    | true  | 2025-06-07T00:00
      Mo-Fr 08:00-12:00,14:00-18:00                 | 2025-06-02T11:59    | true  | 2025-06-02T12:00
      Mo-Fr 08:00-12:00,14:00-18:00                 | 2025-06-02T12:00    | false | 2025-06-02T14:00
      Mo-Fr 08:00-12:00,14:00-18:00                 | 2025-06-02T14:00    | true  | 2025-06-02T18:00
      Mo-Fr 08:00-18:00; We off                     | 2025-06-04T10:00    | false | 2025-06-05T08:00
      Mo-Fr 08:00-18:00; We 10:00-12:00             | 2025-06-04T09:00    | false | 2025-06-04T10:00
      Mo-Fr 08:00-18:00; We 10:00-12:00             | 2025-06-04T12:00    | false | 2025-06-05T08:00
      Mo-Su 08:00-18:00; We 12:00-13:00 off         | 2025-06-04T11:00    | true  | 2025-06-04T12:00
      Mo-Su 08:00-18:00; We 12:00-13:00 off         | 2025-06-04T12:30    | false | 2025-06-04T13:00
      Mo-Fr 08:00-18:00, Sa 10:00-12:00             | 2025-06-07T10:00    | true  | 2025-06-07T12:00
      Mo-Fr 08:00-18:00, Mo 17:00-20:00             | 2025-06-02T18:00    | true  | 2025-06-02T20:00
      Mo-Sa 22:00-02:00; Su off                     | 2025-06-07T23:00    | true  | 2025-06-08T00:00
      Mo-Sa 22:00-02:00; Su off                     | 2025-06-08T01:00    | false | 2025-06-09T22:00
      Mo 06:00-15:00; Tu-Th 07:00-04:00; Fr-Su 09:00-17:00 | 2025-06-05T23:00 | true | 2025-06-06T00:00
      Mo 06:00-15:00; Tu-Th 07:00-04:00; Fr-Su 09:00-17:00 | 2025-06-04T03:00 | true | 2025-06-04T04:00
      Fr-Mo 10:00-12:00                             | 2025-06-08T10:00    | true  | 2025-06-08T12:00
      Fr-Mo 10:00-12:00                             | 2025-06-03T10:00    | false | 2025-06-06T10:00
      Sa 10:00-12:00                                | 2025-06-07T12:00    | false | 2025-06-14T10:00
      Mo-Fr 08:00-18:00; Jun-Aug Mo-Fr 07:00-21:00  | 2025-05-30T07:30    | false | 2025-05-30T08:00
      Mo-Fr 08:00-18:00; Jun-Aug Mo-Fr 07:00-21:00  | 2025-05-30T18:00    | false | 2025-06-02T07:00
      Mo-Fr 08:00-18:00; Jun-Aug Mo-Fr 07:00-21:00  | 2025-06-02T20:00    | true  | 2025-06-02T21:00
      Nov-Feb 09:00-17:00; Mar-Oct 08:00-19:00      | 2026-01-15T08:30    | false | 2026-01-15T09:00
      Nov-Feb 09:00-17:00; Mar-Oct 08:00-19:00      | 2026-03-01T08:30    | true  | 2026-03-01T19:00
      24/7; Dec 25 off                              | 2025-12-24T12:00    | true  | 2025-12-25T00:00
      24/7; Dec 24-26 off                           | 2025-12-25T12:00    | false | 2025-12-27T00:00
      24/7; Dec 25 off                              | 2025-06-02T12:00    | true  | never
      """)
    void stateAt(String hours, LocalDateTime at, boolean open, @Nullable LocalDateTime nextChange) {
        assertThat(OpeningHours.parse(hours).stateAt(at)).isEqualTo(new OpenState(open, nextChange));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "24/7",
                "00:00-24:00",
                "Mo-Su 00:00-24:00",
                "Mo-Fr 00:00-24:00; Sa,Su 00:00-24:00",
                "Mo-Su 00:00-12:00,12:00-24:00",
                "Mo-Su 18:00-06:00, Mo-Su 06:00-18:00",
                "Mo-Su",
                "Jan-Dec 00:00-24:00",
                "Jun-Aug 00:00-24:00, Sep-May 00:00-24:00"
            })
    void alwaysOpen(String hours) {
        assertThat(OpeningHours.parse(hours).isAlwaysOpen()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                WORKWEEK,
                "off",
                "24/7; Dec 25 off",
                "24/7; Feb 29 off",
                "Mo-Sa 00:00-24:00",
                "Jun-Aug 00:00-24:00",
                "Mo-Su 00:00-24:00; We 12:00-13:00 off"
            })
    void notAlwaysOpen(String hours) {
        assertThat(OpeningHours.parse(hours).isAlwaysOpen()).isFalse();
    }

    @Test
    void isOpenAtReadsTheStationsWallClock() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");

        // 00:30 UTC is 08:30 in Shanghai; 10:30 UTC is 18:30.
        assertThat(hours.isOpenAt(ZonedDateTime.parse("2025-06-02T00:30Z"), shanghai))
                .isTrue();
        assertThat(hours.isOpenAt(ZonedDateTime.parse("2025-06-02T10:30Z"), shanghai))
                .isFalse();
        assertThat(hours.isOpenAt(ZonedDateTime.parse("2025-06-02T08:30+08:00[Asia/Shanghai]"), shanghai))
                .isTrue();
    }

    @Test
    void valueIsTrimmedAndDefinesEquality() {
        OpeningHours hours = OpeningHours.parse("  " + WORKWEEK + " \t");

        assertThat(hours.value()).isEqualTo(WORKWEEK);
        assertThat(hours).isEqualTo(OpeningHours.parse(WORKWEEK)).hasSameHashCodeAs(OpeningHours.parse(WORKWEEK));
        assertThat(hours).isNotEqualTo(OpeningHours.parse("Mo-Fr 08:00-18:00"));
    }
}
