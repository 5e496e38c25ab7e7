package org.yizhan.geo.exchange;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yizhan.geo.station.StationRecord;

/**
 * Chinese labels of the amenity keys of {@link StationRecord#AMENITIES}, as registers and plaques
 * write them, and the reverse lookup an import needs (key, label or a common synonym).
 */
public final class AmenityLabels {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final Map<String, String> KEY_BY_WORD = new HashMap<>();

    /** What a register cell may put between amenities: Chinese and Latin list punctuation, spaces. */
    private static final Pattern SEPARATORS = Pattern.compile("[、，,;；/\\s]+");

    static {
        label("drinking_water", "饮水/热水", "饮水", "热水", "饮水机");
        label("kettle", "烧水壶");
        label("microwave", "微波炉");
        label("refrigerator", "冰箱");
        label("first_aid", "医药箱", "急救箱", "应急药品");
        label("seating", "桌椅休息", "桌椅", "座椅", "沙发", "休息");
        label("phone_charging", "手机充电", "手机充电器");
        label("ebike_charging", "电瓶车充电", "电动车充电");
        label("air_conditioning", "空调");
        label("umbrella", "爱心雨伞", "雨伞", "雨伞架");
        label("books", "图书角", "书籍", "书架");
        label("tool_cabinet", "工具柜");
        label("toilet", "卫生间", "厕所");
        label("wifi", "无线网络", "WiFi", "无线网");
        label("summer_supplies", "防暑用品", "防暑降温用品");
        if (!LABELS.keySet().equals(new java.util.LinkedHashSet<>(StationRecord.AMENITIES))) {
            throw new IllegalStateException("amenity labels out of step with StationRecord.AMENITIES");
        }
    }

    private static void label(String key, String label, String... synonyms) {
        LABELS.put(key, label);
        KEY_BY_WORD.put(normalise(key), key);
        KEY_BY_WORD.put(normalise(label), key);
        for (String s : synonyms) {
            KEY_BY_WORD.put(normalise(s), key);
        }
    }

    private AmenityLabels() {}

    /** The Chinese label of a key, e.g. {@code 微波炉} for {@code microwave}. */
    public static String label(String key) {
        String label = LABELS.get(key);
        if (label == null) {
            throw new IllegalArgumentException("unknown amenity key: " + key);
        }
        return label;
    }

    /** The key for a key, a label or a synonym, ignoring case, width and surrounding space. */
    public static Optional<String> key(String word) {
        return Optional.ofNullable(KEY_BY_WORD.get(normalise(word)));
    }

    /**
     * Splits a register cell into words. The label 饮水/热水 contains a separator; it is matched
     * whole first so that it stays one amenity.
     */
    static List<String> split(String cell) {
        String text = Normalizer.normalize(cell, Normalizer.Form.NFKC).replace("饮水/热水", "drinking_water");
        return SEPARATORS.splitAsStream(text.strip()).filter(w -> !w.isEmpty()).toList();
    }

    private static String normalise(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
