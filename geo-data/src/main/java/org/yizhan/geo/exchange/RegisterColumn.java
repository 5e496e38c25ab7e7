package org.yizhan.geo.exchange;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The register's columns, in template order, with the headers an import recognises. A header
 * matches ignoring case, width, spaces, underscores, a trailing {@code *} and anything in brackets,
 * so {@code 纬度（WGS-84）}, {@code Latitude} and {@code lat} all name {@link #LAT}.
 */
public enum RegisterColumn {
    CODE("code", "站点编码", false, "编码", "站点代码", "代码"),
    NAME("name", "站点名称", true, "名称", "站名"),
    NAME_EN("nameEn", "英文名称", false, "英文名"),
    ADDRESS("address", "地址", true, "详细地址", "站点地址"),
    LAT("lat", "纬度", true, "latitude"),
    LNG("lng", "经度", true, "lon", "long", "longitude"),
    CRS("crs", "坐标系", false, "坐标系统"),
    ADCODE("adcode", "行政区划代码", true, "区划代码", "行政区划", "区县代码"),
    HOST_TYPE("hostType", "建设方式", true, "建设类型"),
    HOST_ORGANISATION("hostOrganisation", "依托单位", true, "承建单位", "hostOrganization"),
    CONTACT_PERSON("contactPerson", "负责人", true, "站点负责人"),
    CONTACT_PHONE("contactPhone", "联系电话", true, "电话", "phone"),
    OPENING_HOURS("openingHours", "开放时间", true, "营业时间", "opening_hours"),
    AMENITIES("amenities", "服务设施", false, "设施", "配套设施"),
    STATUS("status", "状态", false, "运行状态"),
    FLOOR_AREA("floorArea", "面积", false, "面积㎡", "floor_area");

    private static final Pattern BRACKETS = Pattern.compile("[(\\[（【].*?[)\\]）】]");
    private static final Pattern NOISE = Pattern.compile("[\\s_*\\-]");
    private static final Map<String, RegisterColumn> BY_HEADER = new HashMap<>();

    static {
        for (RegisterColumn c : values()) {
            BY_HEADER.put(normalise(c.key), c);
            BY_HEADER.put(normalise(c.zh), c);
            for (String alias : c.aliases) {
                BY_HEADER.put(normalise(alias), c);
            }
        }
    }

    private final String key;
    private final String zh;
    private final boolean required;
    private final List<String> aliases;

    RegisterColumn(String key, String zh, boolean required, String... aliases) {
        this.key = key;
        this.zh = zh;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** The English header, the {@code StationRecord} component name (or {@code crs}). */
    public String key() {
        return key;
    }

    /** The Chinese header the template and Chinese exports write. */
    public String zh() {
        return zh;
    }

    /**
     * Whether a tabular file without this column is refused. A GeoJSON file takes {@link #LAT} and
     * {@link #LNG} from its geometry instead.
     */
    public boolean required() {
        return required;
    }

    /** The column a header names, if any. */
    public static Optional<RegisterColumn> forHeader(String header) {
        return Optional.ofNullable(BY_HEADER.get(normalise(header)));
    }

    private static String normalise(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC);
        s = BRACKETS.matcher(s).replaceAll("");
        return NOISE.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
