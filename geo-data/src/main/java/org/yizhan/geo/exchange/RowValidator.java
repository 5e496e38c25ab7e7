package org.yizhan.geo.exchange;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.code.InvalidStationCodeException;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.division.Division;
import org.yizhan.geo.hours.ChineseOpeningHours;
import org.yizhan.geo.hours.InvalidOpeningHoursException;
import org.yizhan.geo.station.StationRecord;

/** Turns a raw row into a {@link StationRecord} or the list of what is wrong with it, column by column. */
final class RowValidator {

    private static final Map<String, String> HOST_TYPES = Map.of(
            "工会自建",
            "self_built",
            "自建",
            "self_built",
            "self_built",
            "self_built",
            "selfbuilt",
            "self_built",
            "共建",
            "co_built",
            "co_built",
            "co_built",
            "cobuilt",
            "co_built");
    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("正常开放", "active"),
            Map.entry("暂停服务", "suspended"),
            Map.entry("已撤销", "closed"),
            Map.entry("运行", "active"),
            Map.entry("正常", "active"),
            Map.entry("启用", "active"),
            Map.entry("active", "active"),
            Map.entry("暂停", "suspended"),
            Map.entry("停用", "suspended"),
            Map.entry("suspended", "suspended"),
            Map.entry("关闭", "closed"),
            Map.entry("撤销", "closed"),
            Map.entry("closed", "closed"));
    private static final Map<String, CoordinateSystem> CRS_WORDS = Map.of(
            "高德",
            CoordinateSystem.GCJ02,
            "腾讯",
            CoordinateSystem.GCJ02,
            "火星坐标",
            CoordinateSystem.GCJ02,
            "百度",
            CoordinateSystem.BD09,
            "gps",
            CoordinateSystem.WGS84,
            "天地图",
            CoordinateSystem.WGS84);

    /** Mobile, landline with area code (optionally extension), 400/800 service numbers. */
    private static final Pattern PHONE =
            Pattern.compile("(?:\\+?86-?)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(?:-\\d{1,6})?|[48]00-?\\d{3}-?\\d{4}");

    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[/、,;]");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s()]");
    private static final Pattern ADCODE = Pattern.compile("\\d{6}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern AREA_UNIT = Pattern.compile("(㎡|m2|m²|平方米|平米)$");

    // Mainland China, Hong Kong, Macao and Taiwan with a margin; a point outside is a typo or a swap.
    private static final double MIN_LAT = 3.5, MAX_LAT = 54, MIN_LNG = 73, MAX_LNG = 136;

    private static final int HOURS_CACHE_SIZE = 256;
    /** The longest value a safety-net problem quotes, in characters. */
    static final int MAX_QUOTED = 50;

    private final ImportOptions options;
    /**
     * A register repeats a handful of opening-hours values, and parsing one costs more than the rest
     * of the row: remember the latest outcomes (canonical value, or the refusal message).
     */
    private final Map<String, Hours> hoursCache = new LinkedHashMap<>(HOURS_CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Hours> eldest) {
            return size() > HOURS_CACHE_SIZE;
        }
    };

    /** Either the canonical value or why it was refused. */
    private record Hours(@Nullable String value, @Nullable Refusal refusal) {}

    /** Why a value was refused: a {@link RowReason} and its values. */
    private static final class Refusal extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final RowReason reason;
        final transient List<Object> values;

        Refusal(RowReason reason, Object... values) {
            super(reason.key());
            this.reason = reason;
            this.values = List.of(values);
        }

        /** Refusals are answers, not faults: no stack trace (a bad column may refuse a million rows). */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    RowValidator(ImportOptions options) {
        this.options = options;
    }

    private static @Nullable String rawName(RawRow raw) {
        RawRow.Cell cell = raw.get(RegisterColumn.NAME);
        return cell == null || cell.value().isBlank() ? null : cell.value().strip();
    }

    /** A required column that raised no problem has a value; says so to the null checker. */
    private static <T> T present(@Nullable T value) {
        return Objects.requireNonNull(value, "a required column without a problem has a value");
    }

    ImportRow validate(RawRow raw) {
        Check c = new Check(raw);
        String code = c.optional(RegisterColumn.CODE, RowValidator::code);
        String name = c.required(RegisterColumn.NAME, v -> {
            if (v.startsWith("示例") || v.startsWith("（示例）") || v.startsWith("(示例)")) {
                throw new Refusal(RowReason.EXAMPLE_ROW);
            }
            return v;
        });
        String nameEn = c.optional(RegisterColumn.NAME_EN, v -> v);
        String address = c.required(RegisterColumn.ADDRESS, v -> v);
        Double lat = c.required(RegisterColumn.LAT, v -> degrees(v, RowReason.LAT_NOT_NUMBER, 90));
        Double lng = c.required(RegisterColumn.LNG, v -> degrees(v, RowReason.LNG_NOT_NUMBER, 180));
        CoordinateSystem crs = c.optional(RegisterColumn.CRS, RowValidator::crs);
        String adcode = c.required(RegisterColumn.ADCODE, this::adcode);
        String hostType = c.required(RegisterColumn.HOST_TYPE, v -> word(v, HOST_TYPES, RowReason.HOST_TYPE));
        String hostOrganisation = c.required(RegisterColumn.HOST_ORGANISATION, v -> v);
        String contactPerson = c.required(RegisterColumn.CONTACT_PERSON, v -> v);
        String contactPhone = c.required(RegisterColumn.CONTACT_PHONE, RowValidator::phone);
        String hours = c.required(RegisterColumn.OPENING_HOURS, this::cachedOpeningHours);
        List<String> amenities = c.optional(RegisterColumn.AMENITIES, RowValidator::amenities);
        String status = c.optional(RegisterColumn.STATUS, v -> word(v, STATUSES, RowReason.STATUS));
        Double floorArea = c.optional(RegisterColumn.FLOOR_AREA, RowValidator::floorArea);

        LatLng wgs = null;
        if (lat != null && lng != null) {
            LatLng given = new LatLng(lat, lng);
            if (!inChina(given)) {
                boolean swapped = Math.abs(lng) <= 90 && inChina(new LatLng(lng, lat));
                c.problem(
                        RegisterColumn.LAT,
                        swapped ? RowReason.OUTSIDE_CHINA_SWAPPED : RowReason.OUTSIDE_CHINA,
                        String.valueOf(lat),
                        String.valueOf(lng));
            } else {
                wgs = (crs != null ? crs : options.crs()).toWgs84(given);
            }
        }
        if (!c.problems.isEmpty() || wgs == null) {
            return new ImportRow(raw.number(), null, c.problems, rawName(raw));
        }
        try {
            StationRecord record = new StationRecord(
                    code,
                    present(name),
                    nameEn,
                    present(address),
                    wgs.lat(),
                    wgs.lng(),
                    present(adcode),
                    present(hostType),
                    present(hostOrganisation),
                    present(contactPerson),
                    present(contactPhone),
                    present(hours),
                    amenities == null ? List.of() : amenities,
                    status == null ? "active" : status,
                    floorArea);
            return new ImportRow(raw.number(), record, List.of());
        } catch (IllegalArgumentException e) {
            // Every field was checked above (no value reaches here: RowValidatorTest); a safety net for a
            // check that falls behind StationRecord's, reported against the whole row. The exception's
            // message is English for developers, so it is not passed on; the service logs the row.
            return new ImportRow(
                    raw.number(),
                    null,
                    List.of(new RowProblem(raw.number(), null, RowReason.ROW_UNREADABLE)),
                    rawName(raw));
        }
    }

    private interface Parser<T> {
        T parse(String value);
    }

    /** Collects the problems of one row. */
    private static final class Check {
        private final RawRow raw;
        private final List<RowProblem> problems;

        Check(RawRow raw) {
            this.raw = raw;
            this.problems = new ArrayList<>(raw.problems());
        }

        <T> @Nullable T required(RegisterColumn column, Parser<T> parser) {
            RawRow.Cell cell = raw.get(column);
            if (cell == null || cell.value().isBlank()) {
                if (raw.problems().isEmpty() || (column != RegisterColumn.LAT && column != RegisterColumn.LNG)) {
                    problems.add(new RowProblem(
                            raw.number(),
                            cell == null ? column.key() : cell.header(),
                            RowReason.REQUIRED,
                            column.zh(),
                            column.key()));
                }
                return null;
            }
            return parse(cell, parser);
        }

        <T> @Nullable T optional(RegisterColumn column, Parser<T> parser) {
            RawRow.Cell cell = raw.get(column);
            return cell == null || cell.value().isBlank() ? null : parse(cell, parser);
        }

        private <T> @Nullable T parse(RawRow.Cell cell, Parser<T> parser) {
            String value = cell.value().strip();
            try {
                return parser.parse(value);
            } catch (Refusal e) {
                problems.add(new RowProblem(raw.number(), cell.header(), e.reason, e.values));
                return null;
            } catch (IllegalArgumentException e) {
                // Every parser turns what it refuses into a Refusal (no value reaches here: RowValidatorTest);
                // a safety net for one that does not, naming the column and the value, not the English message.
                problems.add(cellUnreadable(raw.number(), cell));
                return null;
            }
        }

        void problem(RegisterColumn column, RowReason reason, Object... values) {
            RawRow.Cell cell = raw.get(column);
            problems.add(new RowProblem(raw.number(), cell == null ? column.key() : cell.header(), reason, values));
        }
    }

    /** {@link RowReason#CELL_UNREADABLE}: the header and the value as written, cut to {@value #MAX_QUOTED} characters. */
    static RowProblem cellUnreadable(int row, RawRow.Cell cell) {
        String value = cell.value().strip();
        if (value.codePointCount(0, value.length()) > MAX_QUOTED) {
            value = value.substring(0, value.offsetByCodePoints(0, MAX_QUOTED)) + "…";
        }
        return new RowProblem(row, cell.header(), RowReason.CELL_UNREADABLE, cell.header(), value);
    }

    /**
     * A number as people write it: digits with an optional point, sign and exponent. Java's own
     * parser also takes "39.9f", "39.9d", hexadecimal "0x1p3", "NaN" and "Infinity", none of which a
     * register means as a coordinate or an area.
     */
    private static double decimal(String v) {
        if (!DECIMAL.matcher(v).matches()) throw new NumberFormatException(v);
        return Double.parseDouble(v);
    }

    private static String nfkc(String v) {
        return Normalizer.normalize(v, Normalizer.Form.NFKC).strip();
    }

    /** {@code notNumber} is {@link RowReason#LAT_NOT_NUMBER} or {@link RowReason#LNG_NOT_NUMBER}. */
    private static double degrees(String v, RowReason notNumber, double limit) {
        double d;
        try {
            d = decimal(nfkc(v).replace("°", ""));
        } catch (NumberFormatException e) {
            throw new Refusal(notNumber, v);
        }
        if (!Double.isFinite(d) || d < -limit || d > limit) {
            boolean lat = notNumber == RowReason.LAT_NOT_NUMBER;
            boolean swapped = lat && d >= MIN_LNG && d <= MAX_LNG;
            throw new Refusal(
                    lat ? (swapped ? RowReason.LAT_RANGE_SWAPPED : RowReason.LAT_RANGE) : RowReason.LNG_RANGE, v);
        }
        return d;
    }

    private static String code(String v) {
        try {
            return StationCode.parse(v).value();
        } catch (InvalidStationCodeException e) {
            throw new Refusal(
                    e.reason() == InvalidStationCodeException.Reason.WRONG_CHECK_CHARACTER
                            ? RowReason.CODE_CHECK_CHARACTER
                            : RowReason.CODE_MALFORMED,
                    v);
        }
    }

    private static boolean inChina(LatLng p) {
        return p.lat() >= MIN_LAT && p.lat() <= MAX_LAT && p.lng() >= MIN_LNG && p.lng() <= MAX_LNG;
    }

    private static CoordinateSystem crs(String v) {
        CoordinateSystem byWord = CRS_WORDS.get(nfkc(v).toLowerCase(Locale.ROOT));
        if (byWord != null) {
            return byWord;
        }
        try {
            return CoordinateSystem.parse(v);
        } catch (IllegalArgumentException e) {
            throw new Refusal(RowReason.CRS, v);
        }
    }

    private String adcode(String v) {
        String code = nfkc(v);
        if (!ADCODE.matcher(code).matches()) {
            throw new Refusal(RowReason.ADCODE_SHAPE, v);
        }
        if (!options.divisions().isCountyLevel(code)) {
            Division d = options.divisions().find(code).orElse(null);
            throw d == null
                    ? new Refusal(RowReason.ADCODE_UNKNOWN, code)
                    : new Refusal(RowReason.ADCODE_NOT_COUNTY, code, d.name());
        }
        return code;
    }

    private static String word(String v, Map<String, String> words, RowReason reason) {
        String key = words.get(nfkc(v).toLowerCase(Locale.ROOT).replace('-', '_'));
        if (key == null) {
            throw new Refusal(reason, v);
        }
        return key;
    }

    private static String phone(String v) {
        for (String part : PHONE_SEPARATORS.split(nfkc(v))) {
            String digits = PHONE_NOISE.matcher(part).replaceAll("");
            if (!PHONE.matcher(digits).matches()) {
                throw new Refusal(RowReason.PHONE, part.strip());
            }
        }
        return v;
    }

    private String cachedOpeningHours(String v) {
        Hours outcome = hoursCache.computeIfAbsent(v, value -> {
            try {
                return new Hours(openingHours(value), null);
            } catch (Refusal e) {
                return new Hours(null, e);
            }
        });
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return Objects.requireNonNull(outcome.value(), "an outcome is a value or a refusal");
    }

    // OSM syntax as it is, Chinese as staff write it ("周一至周六 7:30-19:30", "每天8点到晚上8点") converted.
    private static String openingHours(String v) {
        try {
            return ChineseOpeningHours.read(v).osm();
        } catch (InvalidOpeningHoursException e) {
            // The service's own keys for opening hours, as its station form answers them.
            String value = e.value().strip();
            throw switch (e.reason()) {
                case BLANK -> new Refusal(RowReason.HOURS_BLANK);
                case TOO_LONG -> new Refusal(RowReason.HOURS_TOO_LONG, value.length());
                case UNSUPPORTED -> new Refusal(RowReason.HOURS_UNSUPPORTED, value);
                case SYNTAX ->
                    e.column() > 0
                            ? new Refusal(RowReason.HOURS_SYNTAX_AT, value, e.column())
                            : new Refusal(RowReason.HOURS_SYNTAX, value);
            };
        }
    }

    private static List<String> amenities(String v) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String word : AmenityLabels.split(v)) {
            AmenityLabels.key(word).ifPresentOrElse(keys::add, () -> unknown.add(word));
        }
        if (!unknown.isEmpty()) {
            throw new Refusal(
                    RowReason.AMENITIES,
                    String.join("、", unknown),
                    String.join(
                            "、",
                            StationRecord.AMENITIES.stream()
                                    .map(AmenityLabels::label)
                                    .toList()));
        }
        return List.copyOf(keys);
    }

    private static double floorArea(String v) {
        String number = AREA_UNIT.matcher(nfkc(v)).replaceFirst("").strip();
        try {
            double d = decimal(number);
            if (d > 0 && d < 100_000) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Refusal(RowReason.FLOOR_AREA, v);
    }
}
