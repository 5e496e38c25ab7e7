package org.yizhan.geo.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DivisionsTest {

    private final Divisions divisions = Divisions.standard();

    @ParameterizedTest
    @CsvSource({
        "150302, 海勃湾区, 150300",
        "150303, 海南区, 150300",
        "150304, 乌达区, 150300",
        "150103, 回民区, 150100",
        "150202, 东河区, 150200",
        "150203, 昆都仑区, 150200",
        "150204, 青山区, 150200",
        "152502, 锡林浩特市, 152500",
        "420302, 茅箭区, 420300",
        "420303, 张湾区, 420300",
        "110105, 朝阳区, 110100",
        "500103, 渝中区, 500100",
    })
    void resolvesCountiesOfThePilotCities(String code, String name, String parent) {
        assertThat(divisions.find(code)).contains(new Division(code, name, Division.Level.COUNTY, parent));
        assertThat(divisions.isCountyLevel(code)).isTrue();
    }

    @Test
    void fullNameRunsFromProvinceDown() {
        assertThat(divisions.fullName("150302")).isEqualTo("内蒙古自治区 乌海市 海勃湾区");
        assertThat(divisions.fullName("420303")).isEqualTo("湖北省 十堰市 张湾区");
        assertThat(divisions.fullName("110105")).isEqualTo("北京市 朝阳区");
        assertThat(divisions.fullName("500103")).isEqualTo("重庆市 渝中区");
        assertThat(divisions.fullName("150000")).isEqualTo("内蒙古自治区");
        assertThatThrownBy(() -> divisions.fullName("999999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countiesDirectlyUnderAProvinceHangFromTheProvince() {
        assertThat(divisions.find("429004")).map(Division::parentCode).contains("420000"); // 仙桃市
        assertThat(divisions.find("441900")).map(Division::level).contains(Division.Level.COUNTY);
        assertThat(divisions.fullName("441900")).isEqualTo("广东省 东莞市");
        assertThat(divisions.fullName("500229")).isEqualTo("重庆市 城口县");
    }

    @Test
    void citiesAndProvincesAreNotCountyLevel() {
        assertThat(divisions.isCountyLevel("150300")).isFalse();
        assertThat(divisions.isCountyLevel("150000")).isFalse();
        assertThat(divisions.isCountyLevel("123")).isFalse();
    }

    @Test
    void prefixSelectsCountiesOfOneCity() {
        assertThat(divisions.countiesWithPrefix("1503"))
                .extracting(Division::code)
                .containsExactly("150302", "150303", "150304");
        assertThat(divisions.countiesWithPrefix("4203"))
                .extracting(Division::name)
                .contains("茅箭区");
    }

    @Test
    void wholeCountryHasThousandsOfCountiesEachWithAnExistingParent() {
        List<Division> counties = divisions.countiesWithPrefix("");
        assertThat(counties).hasSizeBetween(2_800, 3_000);
        for (Division county : counties) {
            Division parent = divisions.find(county.parentCode()).orElseThrow();
            assertThat(parent.level()).as(county.code()).isIn(Division.Level.CITY, Division.Level.PROVINCE);
            assertThat(parent.code().substring(0, 2)).isEqualTo(county.code().substring(0, 2));
        }
        assertThat(divisions.countiesWithPrefix("").stream()
                        .filter(d -> d.code().startsWith("11")))
                .hasSize(16);
    }
}
