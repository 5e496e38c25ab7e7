package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.yizhan.geo.MessageReason;

/** The service's two problem bundles as the tests read them, and what a text in each must be. */
final class ProblemBundles {

    static final Properties EN = load("i18n/problems.properties");
    static final Properties ZH = load("i18n/problems_zh.properties");

    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** Three English words in a row: a sentence, not a file name, a format or a product. */
    static final Pattern ENGLISH_WORDS = Pattern.compile("\\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\\b");

    private ProblemBundles() {}

    /**
     * What is wrong with the texts of geo-data's {@code reasons} (at {@code key + suffix}): missing
     * in a language, naming other values than the reason gives (a bare {@code {1}} would show), not
     * Chinese in zh, and with {@code englishWithoutChinese} any Chinese in en (row texts quote the
     * register's Chinese terms, file texts do not). Empty when all is well.
     */
    static List<String> wrongTexts(MessageReason[] reasons, String suffix, boolean englishWithoutChinese) {
        List<String> wrong = new ArrayList<>();
        for (MessageReason reason : reasons) {
            String key = reason.key() + suffix;
            Set<Integer> expected =
                    IntStream.range(0, reason.arity()).boxed().collect(Collectors.toCollection(TreeSet::new));
            for (Properties bundle : List.of(EN, ZH)) {
                String language = bundle == EN ? "en" : "zh";
                String text = bundle.getProperty(key);
                if (text == null) {
                    wrong.add(language + ": no " + key + " for " + reason);
                    continue;
                }
                if (!placeholders(text).equals(expected))
                    wrong.add(language + ": " + key + " names " + placeholders(text) + ", " + reason + " gives "
                            + expected);
                if (bundle == ZH
                        && (!CJK.matcher(text).find()
                                || ENGLISH_WORDS.matcher(text).find()))
                    wrong.add("zh: " + key + " is not Chinese: " + text);
                if (bundle == EN && englishWithoutChinese && CJK.matcher(text).find())
                    wrong.add("en: " + key + " is not English: " + text);
            }
        }
        return wrong;
    }

    /** The numbers of a MessageFormat pattern's placeholders, quoted braces and apostrophes left out. */
    static Set<Integer> placeholders(String pattern) {
        Set<Integer> out = new TreeSet<>();
        String unquoted = pattern.replace("''", "").replace("'{'", "").replace("'}'", "");
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(unquoted);
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }

    static Set<String> keys(Properties bundle) {
        return new TreeSet<>(bundle.stringPropertyNames());
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ProblemBundles.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties;
    }
}
