package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The dry run's job: every bad row found, each problem at the row and column the clerk must fix. */
class BrokenRegisterTest {

    private final List<ImportRow> rows = read();

    private static List<ImportRow> read() {
        try {
            return RegisterImportTest.readAll(RegisterImportTest.fixture("register-broken.csv"), RegisterFormat.CSV);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<Integer, List<RowProblem>> problemsByRow() {
        return rows.stream().collect(Collectors.toMap(ImportRow::rowNumber, ImportRow::problems));
    }

    @Test
    void onlyTheGoodRowHasARecordAndTheBlankRowIsSkipped() {
        assertThat(rows).extracting(ImportRow::rowNumber).containsExactly(2, 3, 4, 5, 6, 7, 9);
        assertThat(rows)
                .filteredOn(ImportRow::isValid)
                .extracting(ImportRow::rowNumber)
                .containsExactly(2);
    }

    @Test
    void badLatitude() {
        assertThat(problemsByRow().get(3)).containsExactly(new RowProblem(3, "纬度", RowReason.LAT_NOT_NUMBER, "39.6a"));
    }

    @Test
    void unknownAmenity() {
        assertThat(problemsByRow().get(4)).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("服务设施");
            assertThat(p.reason()).isEqualTo(RowReason.AMENITIES);
            assertThat(p.values().get(0)).isEqualTo("按摩椅");
            assertThat(p.values().get(1).toString()).startsWith("饮水/热水、烧水壶");
        });
    }

    @Test
    void badOpeningHoursCarryTheParsersMessage() {
        // "周一至周五 8-18" is read now (Mo-Fr 08:00-18:00); what cannot be read is quoted with examples.
        assertThat(problemsByRow().get(5)).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("开放时间");
            assertThat(p.reason()).isIn(RowReason.HOURS_SYNTAX, RowReason.HOURS_SYNTAX_AT);
            assertThat(p.values().get(0).toString()).contains("看情况");
        });
    }

    @Test
    void wrongCheckCharacter() {
        assertThat(problemsByRow().get(6))
                .containsExactly(new RowProblem(6, "站点编码", RowReason.CODE_CHECK_CHARACTER, "150302-00017-5"));
    }

    @Test
    void missingName() {
        assertThat(problemsByRow().get(7))
                .containsExactly(new RowProblem(7, "站点名称", RowReason.REQUIRED, "站点名称", "name"));
    }

    @Test
    void severalProblemsInOneRowComeInColumnOrder() {
        assertThat(problemsByRow().get(9))
                .extracting(RowProblem::column)
                .containsExactly("纬度", "行政区划代码", "建设方式", "联系电话");
        assertThat(problemsByRow().get(9))
                .extracting(RowProblem::key)
                .containsExactly(
                        "import.row.lat.range.swapped",
                        "import.row.adcode.notCounty",
                        "import.row.hostType",
                        "import.row.phone");
        assertThat(problemsByRow().get(9).get(1).values()).containsExactly("150300", "乌海市");
        assertThat(problemsByRow().get(9).get(2).values()).containsExactly("建好了");
    }
}
