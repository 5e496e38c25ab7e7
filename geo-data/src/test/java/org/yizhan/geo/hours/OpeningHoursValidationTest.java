package org.yizhan.geo.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.geo.hours.InvalidOpeningHoursException.Reason;

/** What a union clerk is told when a value cannot be stored. */
class OpeningHoursValidationTest {

    private static final String EXAMPLE = "Example: 'Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00' or '24/7'";

    @Test
    void syntaxErrorNamesValuePositionSnippetAndExample() {
        assertThatThrownBy(() -> OpeningHours.parse("Mo-Fr 08:00-18:00x"))
                .isInstanceOf(InvalidOpeningHoursException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Opening hours 'Mo-Fr 08:00-18:00x' are not valid OSM opening_hours syntax at column 18"
                        + " (near '-18:00x'): unexpected 'x'. " + EXAMPLE + ".")
                .satisfies(e ->
                        assertThat(((InvalidOpeningHoursException) e).column()).isEqualTo(18))
                .extracting(e -> ((InvalidOpeningHoursException) e).reason())
                .isEqualTo(Reason.SYNTAX);
    }

    @ParameterizedTest(name = "''{0}'' fails at column {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
      x                                    => 1  => unexpected 'x'
      Mo-Fr 8:00-18:00x                    => 17 => unexpected 'x'
      Mo-Fr 08:00-18:00 Sa 08:00-12:00     => 19 => unexpected 'Sa'
      Mo-Fr 08:00-18:00;  Xy 09:00-17:00   => 21 => unexpected 'X'
      周一至周五 08:00-18:00                 => 1  => unexpected '周'
      """)
    void syntaxErrorPointsAtTheOffendingText(String hours, int column, String reason) {
        assertThatThrownBy(() -> OpeningHours.parse(hours))
                .hasMessageContaining(" at column " + column + " (near '")
                .hasMessageContaining(reason)
                .satisfies(e ->
                        assertThat(((InvalidOpeningHoursException) e).column()).isEqualTo(column));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mo-Fr 8-18",
                "Mo-Fr 08:00-18:00 Sa 08:00-12:00",
                "Mo-Fr 08:00-18:00 # note",
                "Mo-Fr 08:00-1800",
                "Jun 1-Aug 31 07:00-21:00",
                "Mo-Fr 25:00-26:00",
                "Feb 30 off"
            })
    void rejectsInvalidSyntax(String hours) {
        assertThatThrownBy(() -> OpeningHours.parse(hours))
                .isInstanceOf(InvalidOpeningHoursException.class)
                .hasMessageStartingWith("Opening hours '" + hours + "' are not valid OSM opening_hours syntax")
                .hasMessageContaining(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"周一至周五 8:00-18:00", "Mo-Fr 08：00-18:00"})
    void chineseInputGetsAHint(String hours) {
        assertThatThrownBy(() -> OpeningHours.parse(hours))
                .hasMessageContaining("not valid OSM opening_hours syntax")
                .hasMessageContaining("Use English day names (Mo Tu We Th Fr Sa Su)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void rejectsBlank(String hours) {
        assertThatThrownBy(() -> OpeningHours.parse(hours))
                .isInstanceOf(InvalidOpeningHoursException.class)
                .hasMessageStartingWith("Opening hours are empty. Write '24/7'")
                .extracting(e -> ((InvalidOpeningHoursException) e).reason())
                .isEqualTo(Reason.BLANK);
    }

    @Test
    void rejectsValuesOver255Characters() {
        String longest = "Mo 08:00-18:00, ".repeat(15) + "Tu 08:00-18:00"; // 254 characters
        OpeningHours.parse(longest + " ");

        assertThatThrownBy(() -> OpeningHours.parse(longest + "  ;Su off"))
                .isInstanceOf(InvalidOpeningHoursException.class)
                .hasMessageStartingWith("Opening hours are 263 characters long; at most 255 are allowed.")
                .extracting(e -> ((InvalidOpeningHoursException) e).reason())
                .isEqualTo(Reason.TOO_LONG);
    }

    @ParameterizedTest(name = "''{0}'' uses {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
      PH off                               => public or school holidays
      Mo-Fr 08:00-18:00; PH off            => public or school holidays
      Mo,PH 10:00-12:00                    => public or school holidays
      sunrise-sunset                       => sunrise, sunset, dawn or dusk
      Mo-Fr 08:00+                         => an open end ('+')
      Mo-Fr 10:00-16:00/30                 => repeating times ('/')
      Mo 10:00                             => a single time without an end
      Mo 10:00-10:00                       => starts and ends at the same time
      Mo[1] 10:00-12:00                    => nth weekdays of a month
      Jan Mo[1] off                        => dates relative to weekdays
      2025 Mo-Fr 08:00-18:00               => years
      2025 Jun 15-Aug 15 off               => years
      week 1-10 Mo 10:00-12:00             => week numbers
      easter off                           => movable dates
      Mo-Fr 08:00-18:00 || Sa 10:00-12:00  => a fallback rule ('||')
      Mo-Fr 10:00-20:00 unknown            => 'unknown'
      Mo-Fr 08:00-18:00 "call first"       => a remark in quotes
      "by appointment"                     => a remark in quotes
      Mo-Fr 08:00-18:00;                   => an empty rule
      Mo-Fr 08:00-18:00;;Sa 10:00-12:00    => an empty rule
      """)
    void rejectsValidSyntaxOutsideTheSupportedSubset(String hours, String feature) {
        assertThatThrownBy(() -> OpeningHours.parse(hours))
                .isInstanceOf(InvalidOpeningHoursException.class)
                .hasMessageStartingWith("Opening hours '" + hours + "' are valid OSM syntax but use ")
                .hasMessageContaining(feature)
                .hasMessageContaining("which Yizhan cannot evaluate")
                .hasMessageContaining(EXAMPLE)
                .extracting(e -> ((InvalidOpeningHoursException) e).reason())
                .isEqualTo(Reason.UNSUPPORTED);
    }
}
