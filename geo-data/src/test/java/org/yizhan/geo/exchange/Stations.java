package org.yizhan.geo.exchange;

import java.util.List;
import org.yizhan.geo.station.StationRecord;

/** Test stations named after what is special about them. */
final class Stations {

    private Stations() {}

    static StationRecord xinhuaStreet() {
        return new StationRecord(
                "150302-00017-4",
                "海勃湾区新华街爱心驿站",
                "Xinhua Street Rest Station",
                "内蒙古自治区乌海市海勃湾区新华街12号",
                39.6733,
                106.8152,
                "150302",
                "co_built",
                "新华街社区党群服务中心",
                "张红",
                "0473-2012345",
                "Mo-Su 08:00-20:00",
                List.of("drinking_water", "microwave", "first_aid"),
                "active",
                25.0);
    }

    /** No code yet, no English name, no floor area, no amenities, suspended. */
    static StationRecord newSuspendedWithoutOptionals() {
        return new StationRecord(
                null,
                "海南区工会职工驿站",
                null,
                "内蒙古自治区乌海市海南区人民路8号",
                39.444,
                106.893,
                "150303",
                "self_built",
                "海南区总工会",
                "李强",
                "13904731234",
                "24/7",
                List.of(),
                "suspended",
                null);
    }

    /** Text cells that a spreadsheet would run as formulas if written verbatim. */
    static StationRecord formulaInjection() {
        return new StationRecord(
                "150304-00005-5",
                "=HYPERLINK(\"http://evil.example\",\"点我\")",
                "@SUM(A1)",
                "-2+3 乌达区滨河街",
                39.5052,
                106.7226,
                "150304",
                "co_built",
                "+86 银行",
                "'=已转义的负责人",
                "+86 13904731234",
                "24/7",
                List.of("wifi", "umbrella"),
                "closed",
                18.5);
    }

    static List<StationRecord> all() {
        return List.of(xinhuaStreet(), newSuspendedWithoutOptionals(), formulaInjection());
    }
}
