package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    private final Properties en = ProblemBundles.EN;
    private final Properties zh = ProblemBundles.ZH;

    @Test
    void everyFileReasonHasADetailNamingItsValuesInBothLanguages() {
        assertThat(FileReason.values()).hasSizeGreaterThan(40);
        assertThat(ProblemBundles.wrongTexts(FileReason.values(), ".detail", true))
                .isEmpty();
    }

    @Test
    void everyRouteReasonHasADetailNamingItsValuesInBothLanguages() {
        assertThat(ProblemBundles.wrongTexts(InvalidRouteException.Reason.values(), ".detail", true))
                .isEmpty();
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
}
