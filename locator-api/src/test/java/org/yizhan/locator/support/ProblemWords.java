package org.yizhan.locator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/**
 * Whether a problem detail reads in the language asked for: a refusal worded from geo-data's
 * reasons, not geo-data's English pasted into a Chinese sentence.
 */
public final class ProblemWords {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** Three English words in a row: a sentence, not a file name, a format or a product such as Excel. */
    private static final Pattern ENGLISH_WORDS = Pattern.compile("\\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\\b");

    private ProblemWords() {}

    /**
     * A problem detail in Chinese: Han characters, and no three English words in a row (an English
     * sentence) outside full-width parentheses, where the bundle quotes a parser's own words
     * ("zip END header not found") as the parser gave them.
     */
    public static void assertChinese(String detail) {
        String ours = detail.replaceAll("（[^）]*）", "");
        assertThat(ours).as(detail).containsPattern(CJK).doesNotContainPattern(ENGLISH_WORDS);
    }

    /** A problem detail in English: it has an English sentence (three English words in a row). */
    public static void assertEnglish(String detail) {
        assertThat(detail).as(detail).containsPattern(ENGLISH_WORDS);
    }
}
