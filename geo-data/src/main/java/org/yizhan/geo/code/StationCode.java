package org.yizhan.geo.code;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code on a station's plaque, {@code AAAAAA-SSSSS-C}: the GB/T 2260 code of the county-level
 * area, a sequence number within it, and an ISO 7064 MOD 11-2 check character, the scheme of the
 * resident ID number's last character. The check catches every single wrong character and every
 * swap of two neighbouring characters, the typos people make reading a plaque or a phone call.
 *
 * <p>Whether the division code exists in the current GB/T 2260 list is not checked here: divisions
 * are renamed and merged, and a code once issued stays valid forever.
 *
 * @param adcode six-digit county-level division code, e.g. {@code 150302}
 * @param sequence 1 to 99999, never reused within the area
 */
public record StationCode(String adcode, int sequence) {

    private static final String EXAMPLE = "150302-00017-4";
    private static final Pattern SHAPE = Pattern.compile("(\\d{6})-?(\\d{5})-?([0-9X])");
    private static final Pattern ADCODE = Pattern.compile("[1-8]\\d{5}");

    public StationCode {
        if (!ADCODE.matcher(adcode).matches() || adcode.endsWith("0000")) {
            throw new IllegalArgumentException(
                    "adcode must be a six-digit GB/T 2260 county-level code" + " such as 150302, got '" + adcode + "'");
        }
        if (sequence < 1 || sequence > 99_999) {
            throw new IllegalArgumentException("sequence must be between 1 and 99999, got " + sequence);
        }
    }

    public static StationCode of(String adcode, int sequence) {
        return new StationCode(adcode, sequence);
    }

    /**
     * Reads a code as a person typed it: surrounding whitespace, a lower-case {@code x}, missing
     * hyphens and full-width characters from a Chinese input method ({@code １５０３０２－…}) are
     * accepted; hyphens elsewhere than after the sixth and eleventh digit are not.
     *
     * @throws InvalidStationCodeException saying whether the input is malformed or has a wrong
     *     check character
     */
    public static StationCode parse(String input) {
        String text = Normalizer.normalize(input, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(text);
        boolean consistentHyphens = text.length() == 12 || text.length() == 14;
        if (!m.matches() || !consistentHyphens) {
            throw malformed(input);
        }
        StationCode code;
        try {
            code = new StationCode(m.group(1), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw malformed(input);
        }
        char expected = code.check();
        if (m.group(3).charAt(0) != expected) {
            throw new InvalidStationCodeException(
                    InvalidStationCodeException.Reason.WRONG_CHECK_CHARACTER,
                    "Station code '" + input.strip() + "' has a wrong check character: expected " + expected);
        }
        return code;
    }

    /**
     * The ISO 7064 MOD 11-2 check character of a digit string: weights 2^k mod 11 from the right
     * (k = 1 for the last digit), check {@code (12 - sum mod 11) mod 11}, with 10 written {@code X}.
     */
    public static char checkCharacter(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("check character needs a string of digits 0-9, got '" + digits + "'");
        }
        int sum = 0;
        int weight = 1;
        for (int i = digits.length() - 1; i >= 0; i--) {
            weight = weight * 2 % 11;
            sum = (sum + (digits.charAt(i) - '0') * weight) % 11;
        }
        int check = (12 - sum) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** The canonical form, upper case with hyphens, e.g. {@code 150302-00017-4}. */
    public String value() {
        return adcode + '-' + sequenceDigits() + '-' + check();
    }

    @Override
    public String toString() {
        return value();
    }

    private String sequenceDigits() {
        return String.format(Locale.ROOT, "%05d", sequence);
    }

    private char check() {
        return checkCharacter(adcode + sequenceDigits());
    }

    private static InvalidStationCodeException malformed(String input) {
        return new InvalidStationCodeException(
                InvalidStationCodeException.Reason.MALFORMED,
                "'" + input.strip() + "' is not a station code; codes look like " + EXAMPLE);
    }
}
