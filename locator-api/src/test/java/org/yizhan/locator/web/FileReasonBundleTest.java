package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.exchange.FileReason;
import org.yizhan.geo.exchange.RegisterFormatException;
import org.yizhan.geo.route.InvalidRouteException;

/**
 * geo-data refuses a file or a route with a reason key and its values ({@link FileReason},
 * {@link InvalidRouteException.Reason}); this bundle is where they become words. Every reason
 * must have a detail in both languages that names exactly its values, and the bundle must have no
 * {@code file.*} (or route refusal) text that no reason uses any more.
 */
class FileReasonBundleTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** Three English words in a row: a sentence, not a file name, a format or a product. */
    private static final Pattern ENGLISH_WORDS = Pattern.compile("\\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\\b");

    private final Properties en = load("i18n/problems.properties");
    private final Properties zh = load("i18n/problems_zh.properties");

    @Test
    void everyFileReasonHasADetailNamingItsValuesInBothLanguages() {
        assertThat(FileReason.values()).hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        for (FileReason reason : FileReason.values()) check(reason.key(), reason.arity(), wrong);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRouteReasonHasADetailNamingItsValuesInBothLanguages() {
        List<String> wrong = new ArrayList<>();
        for (InvalidRouteException.Reason reason : InvalidRouteException.Reason.values())
            check(reason.key(), reason.arity(), wrong);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theBundleHasNoFileTextThatNoReasonUses() {
        Set<String> details =
                Arrays.stream(FileReason.values()).map(r -> r.key() + ".detail").collect(Collectors.toSet());
        for (Properties bundle : List.of(en, zh)) {
            assertThat(bundle.stringPropertyNames().stream()
                            .filter(k -> k.startsWith("file."))
                            .filter(k -> !details.contains(k)))
                    .isEmpty();
        }
    }

    @Test
    void theBundleHasNoRouteRefusalThatNoReasonUses() {
        Set<String> details = Arrays.stream(InvalidRouteException.Reason.values())
                .map(r -> r.key() + ".detail")
                .collect(Collectors.toSet());
        for (Properties bundle : List.of(en, zh)) {
            assertThat(bundle.stringPropertyNames().stream()
                            .filter(k -> k.startsWith("route.unusable") || k.startsWith("route.polyline"))
                            .filter(k -> !details.contains(k)))
                    .isEmpty();
        }
    }

    /** What the service answers, as ProblemMessages words it: the cell reference of a damaged workbook. */
    @Test
    void aRefusalIsWordedInTheCallersLanguageWithItsValues() {
        RegisterFormatException refused = new RegisterFormatException(FileReason.XLSX_BAD_COLUMN, 3, "AAAAAAA3");
        ApiException e =
                ApiException.invalid("file", refused.key(), refused.values().toArray());
        Map<Language, String> detail = Arrays.stream(Language.values())
                .collect(Collectors.toMap(
                        Function.identity(),
                        l -> String.valueOf(
                                ProblemMessages.shared().problem(e, l).getDetail())));
        assertThat(detail.get(Language.ZH))
                .isEqualTo("工作簿已损坏：第 3 行有一个单元格标在“AAAAAAA3”，而工作表中没有这一列。请在 Excel 或 WPS 中打开文件，重新保存后再上传。");
        assertThat(detail.get(Language.EN))
                .isEqualTo("The workbook is damaged: row 3 has a cell at 'AAAAAAA3', which is no column of a sheet. "
                        + "Open the file in Excel or WPS, save it again and upload that.");
    }

    private void check(String key, int arity, List<String> wrong) {
        Set<Integer> expected = IntStream.range(0, arity).boxed().collect(Collectors.toCollection(TreeSet::new));
        for (Properties bundle : List.of(en, zh)) {
            String language = bundle == en ? "en" : "zh";
            String detail = bundle.getProperty(key + ".detail");
            if (detail == null) {
                wrong.add(language + ": no " + key + ".detail");
                continue;
            }
            if (!placeholders(detail).equals(expected))
                wrong.add(language + ": " + key + ".detail names " + placeholders(detail) + ", the reason " + expected);
            if (bundle == zh
                    && (!CJK.matcher(detail).find()
                            || ENGLISH_WORDS.matcher(detail).find()))
                wrong.add("zh: " + key + ".detail is not Chinese: " + detail);
            if (bundle == en && CJK.matcher(detail).find())
                wrong.add("en: " + key + ".detail is not English: " + detail);
        }
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> out = new TreeSet<>();
        String unquoted = pattern.replace("''", "").replace("'{'", "").replace("'}'", "");
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(unquoted);
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = FileReasonBundleTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties;
    }
}
