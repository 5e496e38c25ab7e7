package org.yizhan.locator.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for the write API, named after the station they describe. */
public final class StationForms {

    private StationForms() {}

    /** A valid, open-all-hours station in Haibowan district, Wuhai, in WGS-84. */
    public static Map<String, Object> haibowanStation() {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "海勃湾区新华街道爱心驿站");
        form.put("nameEn", "Xinhua Street Caring Station");
        form.put("address", "乌海市海勃湾区新华大街12号");
        form.put("location", Map.of("lat", 39.6553, "lng", 106.8254));
        form.put("adcode", "150302");
        form.put("hostType", "self_built");
        form.put("hostOrganisation", "海勃湾区总工会");
        form.put("contactPerson", "王丽");
        form.put("contactPhone", "13900001234");
        form.put("openingHours", "24/7");
        form.put("amenities", List.of("microwave", "drinking_water"));
        form.put("floorArea", 22.5);
        return form;
    }

    public static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(form);
        copy.put(key, value);
        return copy;
    }
}
