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
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.division.Division;
import org.yizhan.geo.hours.InvalidOpeningHoursException;
import org.yizhan.geo.hours.OpeningHours;
import org.yizhan.geo.station.StationRecord;

/** Turns a raw row into a {@link StationRecord} or the list of what is wrong with it, column by column. */
final class RowValidator {

    private static final Map<String, String> HOST_TYPES = Map.of(
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
    private static final Pattern AREA_UNIT = Pattern.compile("(㎡|m2|m²|平方米|平米)$");

    // Mainland China, Hong Kong, Macao and Taiwan with a margin; a point outside is a typo or a swap.
    private static final double MIN_LAT = 3.5, MAX_LAT = 54, MIN_LNG = 73, MAX_LNG = 136;

    private static final int HOURS_CACHE_SIZE = 256;

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
    private record Hours(@Nullable String value, @Nullable String refusal) {}

    RowValidator(ImportOptions options) {
        this.options = options;
    }

    /** A required column that raised no problem has a value; says so to the null checker. */
    private static <T> T present(@Nullable T value) {
        return Objects.requireNonNull(value, "a required column without a problem has a value");
    }

    ImportRow validate(RawRow raw) {
        Check c = new Check(raw);
        String code = c.optional(RegisterColumn.CODE, v -> StationCode.parse(v).value());
        String name = c.required(RegisterColumn.NAME, v -> {
            if (v.startsWith("示例") || v.startsWith("（示例）") || v.startsWith("(示例)")) {
                throw new IllegalArgumentException("This is the template's example row; delete it before importing");
            }
            return v;
        });
        String nameEn = c.optional(RegisterColumn.NAME_EN, v -> v);
        String address = c.required(RegisterColumn.ADDRESS, v -> v);
        Double lat = c.required(RegisterColumn.LAT, v -> degrees(v, "Latitude", 90));
        Double lng = c.required(RegisterColumn.LNG, v -> degrees(v, "Longitude", 180));
        CoordinateSystem crs = c.optional(RegisterColumn.CRS, RowValidator::crs);
        String adcode = c.required(RegisterColumn.ADCODE, this::adcode);
        String hostType = c.required(RegisterColumn.HOST_TYPE, v -> word(v, HOST_TYPES, "自建 or 共建"));
        String hostOrganisation = c.required(RegisterColumn.HOST_ORGANISATION, v -> v);
        String contactPerson = c.required(RegisterColumn.CONTACT_PERSON, v -> v);
        String contactPhone = c.required(RegisterColumn.CONTACT_PHONE, RowValidator::phone);
        String hours = c.required(RegisterColumn.OPENING_HOURS, this::cachedOpeningHours);
        List<String> amenities = c.optional(RegisterColumn.AMENITIES, RowValidator::amenities);
        String status = c.optional(RegisterColumn.STATUS, v -> word(v, STATUSES, "运行, 暂停 or 关闭"));
        Double floorArea = c.optional(RegisterColumn.FLOOR_AREA, RowValidator::floorArea);

        LatLng wgs = null;
        if (lat != null && lng != null) {
            LatLng given = new LatLng(lat, lng);
            if (!inChina(given)) {
                boolean swapped = Math.abs(lng) <= 90 && inChina(new LatLng(lng, lat));
                c.problem(
                        RegisterColumn.LAT,
                        "The point " + lat + ", " + lng + " is outside China"
                                + (swapped ? "; latitude and longitude look swapped" : ""));
            } else {
                wgs = (crs != null ? crs : options.crs()).toWgs84(given);
            }
        }
        if (!c.problems.isEmpty() || wgs == null) {
            return new ImportRow(raw.number(), null, c.problems);
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
            // Every field was checked above; this is a safety net, reported against the whole row.
            return new ImportRow(
                    raw.number(), null, List.of(new RowProblem(raw.number(), null, String.valueOf(e.getMessage()))));
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
                            column.zh() + " (" + column.key() + ") is required"));
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
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(raw.number(), cell.header(), String.valueOf(e.getMessage())));
                return null;
            }
        }

        void problem(RegisterColumn column, String message) {
            RawRow.Cell cell = raw.get(column);
            problems.add(new RowProblem(raw.number(), cell == null ? column.key() : cell.header(), message));
        }
    }

    private static String nfkc(String v) {
        return Normalizer.normalize(v, Normalizer.Form.NFKC).strip();
    }

    private static double degrees(String v, String what, double limit) {
        double d;
        try {
            d = Double.parseDouble(nfkc(v).replace("°", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    what + " '" + v + "' is not a number; write decimal degrees such as 39.9042");
        }
        if (!Double.isFinite(d) || d < -limit || d > limit) {
            boolean swapped = limit == 90 && d >= MIN_LNG && d <= MAX_LNG;
            throw new IllegalArgumentException(what + " " + v + " is out of range -" + (int) limit + " to "
                    + (int) limit + (swapped ? "; latitude and longitude look swapped" : ""));
        }
        return d;
    }

    private static boolean inChina(LatLng p) {
        return p.lat() >= MIN_LAT && p.lat() <= MAX_LAT && p.lng() >= MIN_LNG && p.lng() <= MAX_LNG;
    }

    private static CoordinateSystem crs(String v) {
        CoordinateSystem byWord = CRS_WORDS.get(nfkc(v).toLowerCase(Locale.ROOT));
        return byWord != null ? byWord : CoordinateSystem.parse(v);
    }

    private String adcode(String v) {
        String code = nfkc(v);
        if (!ADCODE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + v + "' is not a six-digit division code such as 150302");
        }
        if (!options.divisions().isCountyLevel(code)) {
            Division d = options.divisions().find(code).orElse(null);
            throw new IllegalArgumentException(
                    d == null
                            ? "'" + code + "' is not a division code in the national list"
                            : code + " is " + d.name() + ", not a county-level area; give the code of its 区/县/旗");
        }
        return code;
    }

    private static String word(String v, Map<String, String> words, String expected) {
        String key = words.get(nfkc(v).toLowerCase(Locale.ROOT).replace('-', '_'));
        if (key == null) {
            throw new IllegalArgumentException("'" + v + "' is not one of " + expected);
        }
        return key;
    }

    private static String phone(String v) {
        for (String part : PHONE_SEPARATORS.split(nfkc(v))) {
            String digits = PHONE_NOISE.matcher(part).replaceAll("");
            if (!PHONE.matcher(digits).matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a phone number; write a mobile number"
                        + " (13812345678) or a landline with area code (0473-1234567)");
            }
        }
        return v;
    }

    private String cachedOpeningHours(String v) {
        Hours outcome = hoursCache.computeIfAbsent(v, value -> {
            try {
                return new Hours(openingHours(value), null);
            } catch (IllegalArgumentException e) {
                return new Hours(null, String.valueOf(e.getMessage()));
            }
        });
        if (outcome.value() == null) {
            throw new IllegalArgumentException(outcome.refusal());
        }
        return outcome.value();
    }

    private static String openingHours(String v) {
        String value = nfkc(v);
        if (value.equals("24小时") || value.equals("全天") || value.equals("全天24小时")) {
            value = "24/7";
        }
        try {
            return OpeningHours.parse(value).value();
        } catch (InvalidOpeningHoursException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static List<String> amenities(String v) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String word : AmenityLabels.split(v)) {
            AmenityLabels.key(word).ifPresentOrElse(keys::add, () -> unknown.add(word));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown amenit" + (unknown.size() > 1 ? "ies " : "y ")
                    + String.join(", ", unknown) + "; known are "
                    + String.join(
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
            double d = Double.parseDouble(number);
            if (d > 0 && d < 100_000) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Floor area '" + v + "' is not a positive number of square metres");
    }
}
