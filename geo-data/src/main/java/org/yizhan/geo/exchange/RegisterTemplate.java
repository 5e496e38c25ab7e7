package org.yizhan.geo.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.station.StationRecord;

/**
 * The blank register for unions to download: the import's columns with Chinese headers (required
 * ones shaded), one example row (which the import refuses, so it cannot slip in as a station),
 * drop-down lists for enumerated columns, and a 填写说明 sheet explaining every column.
 */
public final class RegisterTemplate {

    /** Name of the register sheet in templates and XLSX exports. */
    public static final String SHEET_NAME = "站点台账";

    private static final int VALIDATED_ROWS = 10_000;

    private static final Map<RegisterColumn, String> NOTES = new EnumMap<>(Map.ofEntries(
            Map.entry(RegisterColumn.CODE, "已有编码的站点填写，如 150302-00017-4（末位为校验码）；新站点留空，由系统分配"),
            Map.entry(RegisterColumn.NAME, "站点全称，如 海勃湾区新华街爱心驿站；请删除本模板中以“示例”开头的行"),
            Map.entry(RegisterColumn.NAME_EN, "可选，英文名称"),
            Map.entry(RegisterColumn.ADDRESS, "详细地址，到门牌号"),
            Map.entry(RegisterColumn.LAT, "十进制度，如 39.6733；可从高德、百度地图拾取，并在“坐标系”列注明"),
            Map.entry(RegisterColumn.LNG, "十进制度，如 106.8152"),
            Map.entry(RegisterColumn.CRS, "wgs84（GPS、天地图）、gcj02（高德、腾讯）或 bd09（百度）；留空按导入时选择的坐标系"),
            Map.entry(RegisterColumn.ADCODE, "站点所在区县的六位行政区划代码，如 150302（海勃湾区）"),
            Map.entry(RegisterColumn.HOST_TYPE, "自建（工会阵地）或 共建（依托社区、企业、商户等）"),
            Map.entry(RegisterColumn.HOST_ORGANISATION, "站点所依托或承建的单位"),
            Map.entry(RegisterColumn.CONTACT_PERSON, "站点负责人姓名（不对外公开）"),
            Map.entry(RegisterColumn.CONTACT_PHONE, "手机号 13812345678，或带区号的座机 0473-1234567"),
            Map.entry(RegisterColumn.OPENING_HOURS, "OpenStreetMap 格式：24/7（全天）或 Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00"),
            Map.entry(
                    RegisterColumn.AMENITIES,
                    "用顿号分隔，可选："
                            + String.join(
                                    "、",
                                    StationRecord.AMENITIES.stream()
                                            .map(AmenityLabels::label)
                                            .toList())),
            Map.entry(RegisterColumn.STATUS, "运行、暂停 或 关闭；留空为运行"),
            Map.entry(RegisterColumn.FLOOR_AREA, "平方米，可选")));

    private RegisterTemplate() {}

    /** Writes the template workbook; flushes but does not close {@code out}. */
    public static void xlsx(OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(SHEET_NAME);
            TabularLayout layout = new TabularLayout(ExportOptions.register());
            writeHeader(sheet, layout.header(), layout.columns(), headerStyle(wb, null));
            shadeRequired(sheet, layout.columns(), headerStyle(wb, IndexedColors.LIGHT_ORANGE));
            Row example = sheet.createRow(1);
            List<@Nullable Object> cells = layout.row(example());
            for (int c = 0; c < cells.size(); c++) {
                SpreadsheetWriter.cell(example, c, cells.get(c));
            }
            dropDown(sheet, layout.columns(), RegisterColumn.HOST_TYPE, "自建", "共建");
            dropDown(sheet, layout.columns(), RegisterColumn.STATUS, "运行", "暂停", "关闭");
            dropDown(sheet, layout.columns(), RegisterColumn.CRS, "wgs84", "gcj02", "bd09");
            notes(wb.createSheet("填写说明"), headerStyle(wb, null));
            wb.write(out);
        }
        out.flush();
    }

    /** The header row with widths and frozen panes, as the XLSX export writes it. */
    private static void writeHeader(Sheet sheet, List<String> header, List<RegisterColumn> columns, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            row.createCell(c).setCellValue(header.get(c));
            row.getCell(c).setCellStyle(style);
            sheet.setColumnWidth(c, width(columns.get(c)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** A column's width in characters, in the template and the XLSX export. */
    static int width(RegisterColumn c) {
        return switch (c) {
            case NAME, ADDRESS, HOST_ORGANISATION, OPENING_HOURS, AMENITIES -> 30;
            case CODE, NAME_EN, CONTACT_PHONE -> 18;
            default -> 12;
        };
    }

    private static void shadeRequired(Sheet sheet, List<RegisterColumn> columns, CellStyle style) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).required()) {
                sheet.getRow(0).getCell(c).setCellStyle(style);
            }
        }
    }

    private static CellStyle headerStyle(XSSFWorkbook wb, @Nullable IndexedColors fill) {
        CellStyle style = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        style.setFont(font);
        if (fill != null) {
            style.setFillForegroundColor(fill.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }

    private static void dropDown(Sheet sheet, List<RegisterColumn> columns, RegisterColumn column, String... values) {
        int c = columns.indexOf(column);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        var validation = helper.createValidation(
                helper.createExplicitListConstraint(values), new CellRangeAddressList(1, VALIDATED_ROWS, c, c));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private static void notes(Sheet sheet, CellStyle bold) {
        String[] head = {"列名", "英文列名", "必填", "填写说明"};
        Row first = sheet.createRow(0);
        for (int i = 0; i < head.length; i++) {
            first.createCell(i).setCellValue(head[i]);
            first.getCell(i).setCellStyle(bold);
        }
        int r = 1;
        for (RegisterColumn c : RegisterColumn.values()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(c.zh());
            row.createCell(1).setCellValue(c.key());
            row.createCell(2).setCellValue(c.required() ? "是" : "");
            row.createCell(3).setCellValue(NOTES.get(c));
        }
        r++;
        sheet.createRow(r++).createCell(0).setCellValue("表头可用中文或英文；行号以 Excel 显示为准，第 1 行为表头。");
        sheet.createRow(r).createCell(0).setCellValue("也可导入 UTF-8 或 GBK 编码的 CSV 文件，以及 GeoJSON 点要素集合。");
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 18 * 256);
        sheet.setColumnWidth(2, 6 * 256);
        sheet.setColumnWidth(3, 90 * 256);
    }

    private static StationRecord example() {
        return new StationRecord(
                "150302-00017-4",
                "示例：海勃湾区新华街爱心驿站",
                "Xinhua Street Rest Station",
                "内蒙古自治区乌海市海勃湾区新华街 12 号",
                39.6733,
                106.8152,
                "150302",
                "co_built",
                "新华街社区党群服务中心",
                "张红",
                "0473-2012345",
                "Mo-Su 08:00-20:00",
                List.of("drinking_water", "microwave", "first_aid", "phone_charging", "ebike_charging"),
                "active",
                25.0);
    }
}
