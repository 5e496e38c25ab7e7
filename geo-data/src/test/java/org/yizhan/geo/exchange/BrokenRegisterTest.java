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
        assertThat(problemsByRow().get(3))
                .containsExactly(new RowProblem(
                        3, "纬度", "Latitude '39.6a' is not a number; write decimal degrees such as 39.9042"));
    }

    @Test
    void unknownAmenity() {
        assertThat(problemsByRow().get(4)).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("服务设施");
            assertThat(p.message()).startsWith("Unknown amenity 按摩椅; known are 饮水/热水、烧水壶");
        });
    }

    @Test
    void badOpeningHoursCarryTheParsersMessage() {
        assertThat(problemsByRow().get(5)).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("开放时间");
            assertThat(p.message()).contains("Mo-Fr 08:00-18:00");
        });
    }

    @Test
    void wrongCheckCharacter() {
        assertThat(problemsByRow().get(6))
                .containsExactly(new RowProblem(
                        6, "站点编码", "Station code '150302-00017-5' has a wrong check character: expected 4"));
    }

    @Test
    void missingName() {
        assertThat(problemsByRow().get(7)).containsExactly(new RowProblem(7, "站点名称", "站点名称 (name) is required"));
    }

    @Test
    void severalProblemsInOneRowComeInColumnOrder() {
        assertThat(problemsByRow().get(9))
                .extracting(RowProblem::column)
                .containsExactly("纬度", "行政区划代码", "建设方式", "联系电话");
        assertThat(problemsByRow().get(9))
                .extracting(RowProblem::message)
                .satisfiesExactly(
                        lat -> assertThat(lat).endsWith("latitude and longitude look swapped"),
                        adcode -> assertThat(adcode)
                                .isEqualTo("150300 is 乌海市, not a county-level area; give the code of its 区/县/旗"),
                        host -> assertThat(host).isEqualTo("'建好了' is not one of 自建 or 共建"),
                        phone -> assertThat(phone).contains("with area code"));
    }
}
