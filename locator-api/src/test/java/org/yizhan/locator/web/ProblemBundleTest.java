package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.yizhan.geo.exchange.RowProblem;
import org.yizhan.geo.exchange.RowReason;
import org.yizhan.geo.hours.ChineseOpeningHours;

/**
 * The problem bundle is complete: both languages have the same keys and the same placeholders,
 * every message is a well-formed MessageFormat pattern, and every key the code names exists, so a
 * caller never sees a raw key or an English text in a Chinese answer.
 */
class ProblemBundleTest {

    private static final Pattern CJK = ProblemBundles.CJK;
    /** A string literal shaped like a key: lower-case words joined by dots. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\"");

    private final Properties en = ProblemBundles.EN;
    private final Properties zh = ProblemBundles.ZH;

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(ProblemBundles.keys(zh)).isEqualTo(ProblemBundles.keys(en));
        assertThat(ProblemBundles.keys(en)).hasSizeGreaterThan(300);
    }

    @Test
    void bothLanguagesHaveTheSamePlaceholdersPerKey() {
        for (String key : ProblemBundles.keys(en)) {
            assertThat(ProblemBundles.placeholders(zh.getProperty(key)))
                    .as(key)
                    .isEqualTo(ProblemBundles.placeholders(en.getProperty(key)));
        }
    }

    @Test
    void everyMessageIsAWellFormedPatternWithItsApostrophesDoubled() {
        for (Properties bundle : List.of(en, zh)) {
            for (String key : ProblemBundles.keys(bundle)) {
                String pattern = bundle.getProperty(key);
                // A single apostrophe starts a quoted section in MessageFormat and vanishes from the text.
                String unquoted = pattern.replace("''", "").replace("'{'", "").replace("'}'", "");
                assertThat(unquoted).as(key + " = " + pattern).doesNotContain("'");
                assertThat(new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"a", "b", "c", "d", "e", "f"}))
                        .as(key)
                        .isNotBlank();
            }
        }
    }

    @Test
    void chineseTitlesAreChineseAndEnglishTitlesAreNot() {
        for (String key : ProblemBundles.keys(en)) {
            if (!key.endsWith(".title")) continue;
            assertThat(zh.getProperty(key)).as(key).containsPattern(CJK);
            assertThat(en.getProperty(key)).as(key).doesNotContainPattern(CJK);
        }
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> namespaces = ProblemBundles.keys(en).stream()
                .map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (Path file : mainSources()) {
            String source = Files.readString(file);
            Matcher m = KEY_LITERAL.matcher(source);
            while (m.find()) {
                String key = m.group(1);
                if (!namespaces.contains(key.substring(0, key.indexOf('.')))) continue;
                found++;
                boolean text = en.containsKey(key);
                boolean detail = en.containsKey(key + ".detail");
                boolean title = en.containsKey(key + ".title");
                String statement = statementAround(source, m.start());
                if (!text && !detail) missing.add(file.getFileName() + ": " + key);
                // Only ApiException.invalid supplies its own title (naming the field).
                else if (detail && !title && !statement.contains("invalid("))
                    missing.add(file.getFileName() + ": " + key + ".title");
            }
            Matcher annotation = Pattern.compile("\"\\{([a-z][a-zA-Z0-9.]+)}\"").matcher(source);
            while (annotation.find()) {
                found++;
                if (!en.containsKey(annotation.group(1))) missing.add(file.getFileName() + ": " + annotation.group(1));
            }
        }
        assertThat(missing).isEmpty();
        assertThat(found).as("key literals found in the sources").isGreaterThan(250);
    }

    /**
     * geo-data reports a register row's problems as a {@link RowReason} and its values; the service
     * words them from this bundle, so each reason must have a text in both languages that names
     * exactly its values (a missing one would show as a bare {@code {1}}), in Chinese in zh.
     */
    @Test
    void everyRowReasonOfGeoDataHasATextNamingItsValuesInBothLanguages() {
        assertThat(RowReason.values()).hasSizeGreaterThan(30);
        assertThat(ProblemBundles.wrongTexts(RowReason.values(), "", false)).isEmpty();
    }

    /** The notes of an opening-hours conversion are worded the same way (they were English for every caller). */
    @Test
    void everyOpeningHoursNoteHasATextNamingItsValuesInBothLanguages() {
        assertThat(ProblemBundles.wrongTexts(ChineseOpeningHours.NoteReason.values(), "", true))
                .isEmpty();
    }

    /** What the import report says of a row that GaussKruger maps to no point: once "…is no point in…" in English. */
    @Test
    void aRowProblemIsWordedInTheCallersLanguageWithItsValues() {
        RowProblem p = new RowProblem(
                2,
                "geometry",
                RowReason.GEOMETRY_NO_POINT,
                "35400000",
                "9900000",
                "驿站",
                "CGCS2000 / 3-degree Gauss-Kruger zone 35 (EPSG:4523)");
        assertThat(ProblemMessages.shared().text(Language.ZH, p.key(), p.values()))
                .isEqualTo(
                        "东坐标 35400000、北坐标 9900000 换算不出地球上的点（图层 驿站 的坐标系是 CGCS2000 / 3-degree Gauss-Kruger zone 35 (EPSG:4523)）。"
                                + "中国境内的北坐标约为 400000 至 6000000 米，东坐标去掉带号后约为 300000 至 700000 米；请核对这两个数和图层的坐标系。");
        assertThat(ProblemMessages.shared().text(Language.EN, p.key(), p.values()))
                .isEqualTo(
                        "Easting 35400000, northing 9900000 is no point on Earth"
                                + " (layer 驿站 is in CGCS2000 / 3-degree Gauss-Kruger zone 35 (EPSG:4523))."
                                + " In China, northings lie between about 400000 and 6000000 m, and eastings without their"
                                + " zone prefix between about 300000 and 700000 m; check both numbers and the layer's coordinate system.");
    }

    /** An {@code import.row.*} text that neither geo-data's reasons nor the service's code names is left over. */
    @Test
    void theBundleHasNoRowTextThatNothingNames() throws IOException {
        Set<String> named = new TreeSet<>();
        for (RowReason reason : RowReason.values()) named.add(reason.key());
        Pattern literal = Pattern.compile("\"(import\\.row\\.[a-zA-Z.]+)\"");
        for (Path file : mainSources()) {
            literal.matcher(Files.readString(file)).results().forEach(m -> named.add(m.group(1)));
        }
        for (Properties bundle : List.of(en, zh)) {
            assertThat(ProblemBundles.keys(bundle).stream().filter(k -> k.startsWith("import.row.")))
                    .as("import.row.* texts nothing names")
                    .allMatch(named::contains);
        }
    }

    @Test
    void aProblemResolvesInBothLanguagesWithItsCodeAndValues() {
        ApiException e = ApiException.invalid("days", "number.outOfRange", "days", 1, 90, 12345);
        ProblemDetail english = ProblemMessages.shared().problem(e, Language.EN);
        ProblemDetail chinese = ProblemMessages.shared().problem(e, Language.ZH);
        assertThat(english.getTitle()).isEqualTo("Invalid value for 'days'");
        // Values are inserted as given: no thousands separator in 12345.
        assertThat(english.getDetail()).isEqualTo("'days' must be between 1 and 90, got 12345.");
        assertThat(chinese.getTitle()).contains("days").containsPattern(CJK);
        assertThat(chinese.getDetail()).contains("12345").containsPattern(CJK);
        assertThat(english.getProperties()).containsEntry("code", "number.outOfRange");
        assertThat(chinese.getProperties())
                .containsEntry("code", "number.outOfRange")
                .containsEntry("field", "days");
        assertThat(ProblemMessages.shared()
                        .problem(HttpStatus.NOT_FOUND, Language.ZH, "station.unknown", "150302-00017-4")
                        .getTitle())
                .isEqualTo("没有这个站点");
    }

    @Test
    void everyProblemIsBuiltFromAKeyNotFromText() throws IOException {
        // The literal at the key's place in each way of making a problem: a sentence there would
        // compile (keys are strings) and answer with the fallback text.
        Pattern keyPlace = Pattern.compile("ApiException\\.notFound\\(\\s*\"([^\"]*)\""
                + "|ApiException\\.of\\(\\s*[\\w.]+\\s*,\\s*\"([^\"]*)\""
                + "|ApiException\\.invalid\\(\\s*(?:\"[^\"]*\"|[\\w.()]+)\\s*,\\s*\"([^\"]*)\""
                + "|Problems\\.of\\(\\s*[\\w.]+\\s*,\\s*[\\w.()]+\\s*,\\s*\"([^\"]*)\""
                + "|\\.write\\(\\s*request\\s*,\\s*response\\s*,\\s*[\\w.]+\\s*,\\s*\"([^\"]*)\"");
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Path file : mainSources()) {
            Matcher m = keyPlace.matcher(Files.readString(file));
            while (m.find()) {
                calls++;
                String key = java.util.stream.IntStream.rangeClosed(1, m.groupCount())
                        .mapToObj(m::group)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElseThrow();
                if (!en.containsKey(key + ".detail")) wrong.add(file.getFileName() + ": \"" + key + "\"");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(calls).isGreaterThan(200);
    }

    /** The statement a literal stands in: back to the previous ';', '{' or '}'. */
    private static String statementAround(String source, int at) {
        int start = Math.max(
                source.lastIndexOf(';', at), Math.max(source.lastIndexOf('{', at), source.lastIndexOf('}', at)));
        return source.substring(start + 1, at);
    }

    private static List<Path> mainSources() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
