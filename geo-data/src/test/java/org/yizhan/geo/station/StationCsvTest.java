package org.yizhan.geo.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.code.StationCode;

class StationCsvTest {

    static StationRecord haibowanStation() {
        return new StationRecord(
                null,
                "海勃湾区新华街道爱心驿站",
                "Xinhua Subdistrict Station",
                "乌海市海勃湾区人民路118号, 一楼",
                39.675123,
                106.815456,
                "150302",
                "co_built",
                "新华社区居民委员会",
                "王丽",
                "13900001234",
                "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00",
                List.of("drinking_water", "microwave"),
                "active",
                22.5);
    }

    static StationRecord yuzhongStationWithCode() {
        return new StationRecord(
                "500103-00017-9",
                "工商银行渝中支行暖心驿站",
                null,
                "重庆市渝中区民族路\"168\"号",
                29.5575,
                106.577,
                "500103",
                "self_built",
                "重庆市渝中区总工会",
                "李强",
                "13900005678",
                "24/7",
                List.of(),
                "suspended",
                null);
    }

    private static String bothStationsAsCsv() throws Exception {
        StringWriter out = new StringWriter();
        try (StationCsv.Writer w = StationCsv.writer(out)) {
            w.write(haibowanStation());
            w.write(yuzhongStationWithCode());
        }
        return out.toString();
    }

    @Test
    void writesHeaderAndRoundTripsRows() throws Exception {
        String csv = bothStationsAsCsv();
        assertThat(csv).startsWith(String.join(",", StationCsv.HEADER) + "\n");
        assertThat(csv).contains(",drinking_water;microwave,");
        try (Stream<StationRecord> rows = StationCsv.read(new StringReader(csv))) {
            assertThat(rows.toList()).containsExactly(haibowanStation(), yuzhongStationWithCode());
        }
    }

    @Test
    void theFixtureCodeIsAValidPlaqueCode() {
        // ISO 7064 MOD 11-2 over 50010300017 (weights 2^k mod 11 from the right, (12 - sum) mod 11) is 9.
        assertThat(StationCode.parse(yuzhongStationWithCode().code()).value()).isEqualTo("500103-00017-9");
    }

    @Test
    void aCodeWithAWrongCheckCharacterIsRefusedWithItsLine() throws Exception {
        String typo = bothStationsAsCsv().replace("500103-00017-9", "500103-00017-4");
        try (Stream<StationRecord> rows = StationCsv.read(new StringReader(typo))) {
            assertThatThrownBy(rows::toList).hasMessageContaining("line 3").hasMessageContaining("check character");
        }
    }

    @Test
    void rejectsMissingColumnsAndBadRowsWithTheirLine() {
        assertThatThrownBy(() -> StationCsv.read(new StringReader("code,name\n,x\n")))
                .hasMessageContaining("lacks columns");
        String badAmenity =
                String.join(",", StationCsv.HEADER) + "\n,n,,a,39.6,106.8,150302,co_built,h,p,1,24/7,sauna,active,\n";
        try (Stream<StationRecord> rows = StationCsv.read(new StringReader(badAmenity))) {
            assertThatThrownBy(rows::toList).hasMessageContaining("line 2").hasMessageContaining("sauna");
        }
    }
}
