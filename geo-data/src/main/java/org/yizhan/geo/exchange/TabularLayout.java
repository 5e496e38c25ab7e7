package org.yizhan.geo.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.station.StationRecord;

/**
 * The columns and cell values of a CSV or XLSX export: the template's columns in template order,
 * so that an exported file imports again unchanged. Numbers stay {@link Double}s so that the
 * writer can keep them numeric; {@link SpreadsheetWriter} neutralises the text.
 */
final class TabularLayout {

    static final Map<String, String> HOST_TYPE_ZH = Map.of("self_built", "自建", "co_built", "共建");
    static final Map<String, String> STATUS_ZH = Map.of("active", "运行", "suspended", "暂停", "closed", "关闭");

    private final ExportOptions options;
    private final List<RegisterColumn> columns = new ArrayList<>();

    TabularLayout(ExportOptions options) {
        this.options = options;
        for (RegisterColumn c : RegisterColumn.values()) {
            if (!(c == RegisterColumn.CONTACT_PERSON && options.audience() == ExportOptions.Audience.PUBLIC)) {
                columns.add(c);
            }
        }
    }

    List<String> header() {
        boolean zh = options.headers() == ExportOptions.Headers.CHINESE;
        return columns.stream().map(c -> zh ? c.zh() : c.key()).toList();
    }

    List<RegisterColumn> columns() {
        return columns;
    }

    /** One cell per column: a {@link Double}, a {@link String}, or {@code null} for empty. */
    List<@Nullable Object> row(StationRecord s) {
        boolean zh = options.headers() == ExportOptions.Headers.CHINESE;
        List<@Nullable Object> cells = new ArrayList<>(columns.size());
        for (RegisterColumn c : columns) {
            Object value = switch (c) {
                case CODE -> s.code();
                case NAME -> s.name();
                case NAME_EN -> s.nameEn();
                case ADDRESS -> s.address();
                case LAT -> s.lat();
                case LNG -> s.lng();
                case CRS -> CoordinateSystem.WGS84.id();
                case ADCODE -> s.adcode();
                case HOST_TYPE -> zh ? HOST_TYPE_ZH.get(s.hostType()) : s.hostType();
                case HOST_ORGANISATION -> s.hostOrganisation();
                case CONTACT_PERSON -> s.contactPerson();
                case CONTACT_PHONE -> s.contactPhone();
                case OPENING_HOURS -> s.openingHours();
                case AMENITIES ->
                    zh
                            ? String.join(
                                    "、",
                                    s.amenities().stream()
                                            .map(AmenityLabels::label)
                                            .toList())
                            : String.join(",", s.amenities());
                case STATUS -> zh ? STATUS_ZH.get(s.status()) : s.status();
                case FLOOR_AREA -> s.floorArea();
            };
            cells.add(value);
        }
        return cells;
    }
}
