package org.yizhan.geo.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.geo.code.InvalidStationCodeException.Reason;

class StationCodeTest {

    private static final String CHECK_ALPHABET = "0123456789X";

    /** The domain notes' example plaque: 海勃湾区, 乌海市, station 17. */
    private static StationCode haibowanStation17() {
        return StationCode.of("150302", 17);
    }

    /** A code whose check character is X (hand-checked: weighted sum 46, 46 mod 11 = 2). */
    private static StationCode haibowanStation6() {
        return StationCode.of("150302", 6);
    }

    private static List<StationCode> sampleCodes() {
        List<StationCode> codes = new ArrayList<>(List.of(
                haibowanStation17(),
                haibowanStation6(),
                StationCode.of("420303", 1),
                StationCode.of("500103", 99_999),
                StationCode.of("110105", 5_600)));
        Random random = new Random(7);
        String[] adcodes = {"150103", "150304", "152502", "420302", "441900", "110105"};
        for (int i = 0; i < 200; i++) {
            codes.add(StationCode.of(adcodes[random.nextInt(adcodes.length)], 1 + random.nextInt(99_999)));
        }
        return codes;
    }

    // GB 11643-1999 gives two example citizen identity numbers; their last character is the
    // MOD 11-2 check of the first 17 digits. ISO 7064 itself uses 0794 -> check 0.
    @ParameterizedTest
    @CsvSource({"11010519491231002, X", "44052418800101001, 4", "0794, 0"})
    void checkCharacterMatchesPublishedExamples(String digits, char expected) {
        assertThat(StationCode.checkCharacter(digits)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12a4", "１２"})
    void checkCharacterNeedsAsciiDigits(String digits) {
        assertThatIllegalArgumentException().isThrownBy(() -> StationCode.checkCharacter(digits));
    }

    @Test
    void formatsAsHyphenatedCanonicalValue() {
        assertThat(haibowanStation17().value()).isEqualTo("150302-00017-4");
        assertThat(haibowanStation17()).hasToString("150302-00017-4");
        assertThat(haibowanStation6().value()).isEqualTo("150302-00006-X");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "150302-00006-X",
                "150302-00006-x",
                "  150302-00006-X\t",
                "15030200006X",
                "15030200006x",
                "１５０３０２－０００06－ｘ"
            })
    void parseAcceptsHowPeopleTypeIt(String input) {
        assertThat(StationCode.parse(input)).isEqualTo(haibowanStation6());
    }

    @Test
    void parseRoundTripsEverySampleCode() {
        for (StationCode code : sampleCodes()) {
            assertThat(StationCode.parse(code.value())).isEqualTo(code);
        }
    }

    @Test
    void wrongCheckCharacterSaysWhichOneIsExpected() {
        InvalidStationCodeException e =
                catchThrowableOfType(InvalidStationCodeException.class, () -> StationCode.parse(" 150302-00017-5 "));

        assertThat(e.reason()).isEqualTo(Reason.WRONG_CHECK_CHARACTER);
        assertThat(e).hasMessage("Station code '150302-00017-5' has a wrong check character: expected 4");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "",
                "150302-00017",
                "150302-0017-4",
                "150302-00017-44",
                "15030200017-4",
                "150302-000174",
                "150302 00017 4",
                "150302-00000-4",
                "050302-00017-4",
                "150000-00017-4",
                "150302-0O017-4",
                "150302-00017-Y"
            })
    void malformedInputIsReportedAsMalformed(String input) {
        InvalidStationCodeException e =
                catchThrowableOfType(InvalidStationCodeException.class, () -> StationCode.parse(input));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e).hasMessage("'" + input.strip() + "' is not a station code; codes look like 150302-00017-4");
    }

    @Test
    void everySingleCharacterSubstitutionIsDetected() {
        for (StationCode code : sampleCodes()) {
            String value = code.value();
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) == '-') {
                    continue;
                }
                for (char c : CHECK_ALPHABET.toCharArray()) {
                    if (c != value.charAt(i)) {
                        assertRejected(value.substring(0, i) + c + value.substring(i + 1));
                    }
                }
            }
        }
    }

    @Test
    void everyAdjacentTranspositionIsDetected() {
        for (StationCode code : sampleCodes()) {
            for (String form : List.of(code.value(), code.value().replace("-", ""))) {
                for (int i = 0; i + 1 < form.length(); i++) {
                    if (form.charAt(i) != form.charAt(i + 1)) {
                        assertRejected(
                                form.substring(0, i) + form.charAt(i + 1) + form.charAt(i) + form.substring(i + 2));
                    }
                }
            }
        }
    }

    private static void assertRejected(String typo) {
        assertThat(catchThrowableOfType(InvalidStationCodeException.class, () -> StationCode.parse(typo)))
                .as(typo)
                .isNotNull();
    }

    @Test
    void ofRejectsPartsThatCannotBeOnAPlaque() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StationCode.of("15030", 1))
                .withMessage("adcode must be a six-digit GB/T 2260 county-level code such as 150302, got '15030'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StationCode.of("150302", 0))
                .withMessage("sequence must be between 1 and 99999, got 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StationCode.of("150302", 100_000))
                .withMessage("sequence must be between 1 and 99999, got 100000");
    }
}
