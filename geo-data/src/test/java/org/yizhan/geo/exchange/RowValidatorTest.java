package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The row checks' safety nets ({@link RowReason#CELL_UNREADABLE}, {@link RowReason#ROW_UNREADABLE})
 * are for a check that falls behind: every value a clerk can write, however odd, gets its column's
 * own reason. The odd values here are those the parsers behind the checks treat specially (Java's
 * number syntax, the opening-hours parser's crashes, the station code's own range checks).
 */
class RowValidatorTest {

    private static final Set<RowReason> SAFETY_NETS = Set.of(RowReason.CELL_UNREADABLE, RowReason.ROW_UNREADABLE);

    private final RowValidator validator = new RowValidator(ImportOptions.defaults());

    /** A good row of 乌海市海勃湾区, every column filled. */
    private static EnumMap<RegisterColumn, String> good() {
        EnumMap<RegisterColumn, String> v = new EnumMap<>(RegisterColumn.class);
        v.put(RegisterColumn.CODE, "");
        v.put(RegisterColumn.NAME, "新华街驿站");
        v.put(RegisterColumn.NAME_EN, "Xinhua Street");
        v.put(RegisterColumn.ADDRESS, "海勃湾区新华街 1 号");
        v.put(RegisterColumn.LAT, "39.6733");
        v.put(RegisterColumn.LNG, "106.8152");
        v.put(RegisterColumn.CRS, "wgs84");
        v.put(RegisterColumn.ADCODE, "150302");
        v.put(RegisterColumn.HOST_TYPE, "工会自建");
        v.put(RegisterColumn.HOST_ORGANISATION, "海勃湾区总工会");
        v.put(RegisterColumn.CONTACT_PERSON, "王芳");
        v.put(RegisterColumn.CONTACT_PHONE, "0473-1234567");
        v.put(RegisterColumn.OPENING_HOURS, "周一至周五 9:00-17:00");
        v.put(RegisterColumn.AMENITIES, "饮水、微波炉");
        v.put(RegisterColumn.STATUS, "正常开放");
        v.put(RegisterColumn.FLOOR_AREA, "30㎡");
        return v;
    }

    private ImportRow validate(Map<RegisterColumn, String> values) {
        EnumMap<RegisterColumn, RawRow.Cell> cells = new EnumMap<>(RegisterColumn.class);
        values.forEach((column, value) -> cells.put(column, new RawRow.Cell(column.zh(), value)));
        return validator.validate(new RawRow(5, cells, List.of()));
    }

    private ImportRow with(RegisterColumn column, String value) {
        EnumMap<RegisterColumn, String> values = good();
        values.put(column, value);
        return validate(values);
    }

    @Test
    void theGoodRowIsAStation() {
        assertThat(validate(good()).problems()).isEmpty();
    }

    @Test
    void oddValuesGetTheirColumnsOwnReason() {
        record Case(RegisterColumn column, String value, RowReason reason) {}
        List<Case> cases = List.of(
                new Case(RegisterColumn.LAT, "abc", RowReason.LAT_NOT_NUMBER),
                new Case(RegisterColumn.LAT, "39.6.7", RowReason.LAT_NOT_NUMBER),
                new Case(RegisterColumn.LAT, "３９．６ａ", RowReason.LAT_NOT_NUMBER),
                new Case(RegisterColumn.LAT, "NaN", RowReason.LAT_NOT_NUMBER),
                new Case(RegisterColumn.LAT, "1e400", RowReason.LAT_RANGE),
                new Case(RegisterColumn.LAT, "-Infinity", RowReason.LAT_NOT_NUMBER),
                new Case(RegisterColumn.LAT, "39.9f", RowReason.LAT_NOT_NUMBER),
                new Case(RegisterColumn.LAT, "39.9d", RowReason.LAT_NOT_NUMBER),
                new Case(RegisterColumn.LNG, "0x1.ap6", RowReason.LNG_NOT_NUMBER),
                new Case(RegisterColumn.LNG, "", RowReason.REQUIRED),
                new Case(RegisterColumn.LNG, "106°48′", RowReason.LNG_NOT_NUMBER),
                new Case(RegisterColumn.CODE, "000000-00001-X", RowReason.CODE_MALFORMED),
                new Case(RegisterColumn.CODE, "150302-00000-1", RowReason.CODE_MALFORMED),
                new Case(RegisterColumn.CODE, "990302-00017-4", RowReason.CODE_MALFORMED),
                new Case(RegisterColumn.CODE, "150302-00017-5", RowReason.CODE_CHECK_CHARACTER),
                new Case(RegisterColumn.CRS, "epsg:3857", RowReason.CRS),
                new Case(RegisterColumn.ADCODE, "999999", RowReason.ADCODE_UNKNOWN),
                new Case(RegisterColumn.ADCODE, "15030２a", RowReason.ADCODE_SHAPE),
                new Case(RegisterColumn.OPENING_HOURS, "Feb 30 10:00-12:00", RowReason.HOURS_SYNTAX),
                new Case(RegisterColumn.OPENING_HOURS, "99:99-99:99", RowReason.HOURS_SYNTAX_AT),
                new Case(RegisterColumn.OPENING_HOURS, "Mo-Su 10:00-10:00", RowReason.HOURS_UNSUPPORTED),
                new Case(RegisterColumn.OPENING_HOURS, "周一至周五 25点到26点", RowReason.HOURS_SYNTAX),
                new Case(RegisterColumn.OPENING_HOURS, "9".repeat(40), RowReason.HOURS_SYNTAX_AT),
                new Case(RegisterColumn.OPENING_HOURS, "Mo ".repeat(100), RowReason.HOURS_TOO_LONG),
                new Case(RegisterColumn.OPENING_HOURS, "\uD800", RowReason.HOURS_SYNTAX),
                new Case(RegisterColumn.CONTACT_PHONE, "\uD800", RowReason.PHONE),
                new Case(RegisterColumn.AMENITIES, "按摩椅", RowReason.AMENITIES),
                new Case(RegisterColumn.FLOOR_AREA, "1e400", RowReason.FLOOR_AREA),
                new Case(RegisterColumn.FLOOR_AREA, "NaN", RowReason.FLOOR_AREA));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            List<RowReason> got = with(c.column(), c.value()).problems().stream()
                    .map(RowProblem::reason)
                    .toList();
            if (!got.equals(List.of(c.reason()))) wrong.add(c + " gave " + got);
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Rows of odd values and random text in every column: some are stations, most have problems,
     * none falls through to a safety net.
     */
    @Test
    void noValueFallsThroughToASafetyNet() {
        String[] odd = {
            "",
            " ",
            "abc",
            "NaN",
            "Infinity",
            "1e400",
            "1e-400",
            "0x1p3",
            "39.9f",
            "39,9",
            "٣٩",
            "-",
            ".",
            "\uD800",
            "\u0000",
            "示例",
            "000000-00001-X",
            "999999-99999-9",
            "１５０３０２",
            "24/7",
            "Feb 30",
            "Mo[6]",
            "PH off",
            "sunrise-sunset",
            "Mo 18:00-47:59",
            "Mo 10:00-12:00/00:30",
            "\"x\"",
            "2024",
            "week 01",
            "25:00-26:00",
            "周一至周五 8-18",
            "每天晚上12点到凌晨12点",
            "周六日",
            "9".repeat(40),
            "周一".repeat(130),
            "饮水/热水",
            "ｗｉｆｉ",
            "100㎡",
            "工会自建",
            "暂停",
            "gcj-02",
            "百度",
            "13812345678 / 0473-1234567"
        };
        String[] pieces = {
            "周", "一", "至", "五", "日", "天", "7", "0", "1", "2", "9", "12", "24", "99", ":", "：", "点", "半", "上午", "晚上",
            "-", "~", "到", "、", "，", ";", "。", "\n", " ", "每天", "工作日", "休息", "节假日", "24小时", "Mo", "Su", "off", "e", "x",
            "°", "."
        };
        Random random = new Random(20_261_201);
        RegisterColumn[] columns = RegisterColumn.values();
        List<String> caught = new ArrayList<>();
        int stations = 0;
        for (int i = 0; i < 20_000; i++) {
            EnumMap<RegisterColumn, String> values = good();
            for (RegisterColumn column : columns) {
                int dice = random.nextInt(8);
                if (dice == 0) values.put(column, odd[random.nextInt(odd.length)]);
                else if (dice == 1) {
                    StringBuilder text = new StringBuilder();
                    for (int k = 1 + random.nextInt(8); k > 0; k--) text.append(pieces[random.nextInt(pieces.length)]);
                    values.put(column, text.toString());
                }
            }
            ImportRow row = validate(values);
            if (row.isValid()) stations++;
            row.problems().stream()
                    .filter(p -> SAFETY_NETS.contains(p.reason()))
                    .forEach(p -> caught.add(p + " in " + values));
        }
        assertThat(caught).isEmpty();
        assertThat(stations).as("rows that are stations").isBetween(100, 19_900);
    }

    /** Should one come through: the column and the value as written, cut short; no parser's English. */
    @Test
    void theCellSafetyNetNamesTheColumnAndTheValueCutShort() {
        RowProblem p = RowValidator.cellUnreadable(5, new RawRow.Cell("开放时间", "  " + "𠀀".repeat(60) + " "));
        assertThat(p.row()).isEqualTo(5);
        assertThat(p.column()).isEqualTo("开放时间");
        assertThat(p.key()).isEqualTo("import.row.cellUnreadable");
        assertThat(p.values()).containsExactly("开放时间", "𠀀".repeat(RowValidator.MAX_QUOTED) + "…");
        assertThat(RowValidator.cellUnreadable(5, new RawRow.Cell("纬度", " abc "))
                        .values())
                .containsExactly("纬度", "abc");
    }
}
