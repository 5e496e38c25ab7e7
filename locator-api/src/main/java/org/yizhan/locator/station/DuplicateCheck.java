package org.yizhan.locator.station;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;

/**
 * Finds stations a new or moved station probably duplicates: an active station within 30 m, or
 * one with a similar name within 200 m (registers are often merged from several sheets, so
 * the same room appears twice under slightly different names).
 */
@Component
public class DuplicateCheck {

    static final double SAME_PLACE_METERS = 30;
    static final double SIMILAR_NAME_METERS = 200;
    static final double SIMILAR_NAME_SCORE = 0.6;

    private final JdbcClient jdbc;

    DuplicateCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A likely duplicate and why. */
    public record Warning(String type, String code, String name, double distanceMeters, String message) {}

    public List<Warning> find(LatLng wgs84, String name, @Nullable String exceptCode) {
        record Near(String code, String name, double distance) {}
        List<Near> near = jdbc.sql("""
                SELECT code, name, ST_Distance(location, p.g) AS d
                  FROM station, (SELECT ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography AS g) p
                 WHERE status = 'active' AND ST_DWithin(location, p.g, :radius) AND code <> :except
                 ORDER BY d LIMIT 20""")
                .param("lng", wgs84.lng())
                .param("lat", wgs84.lat())
                .param("radius", SIMILAR_NAME_METERS)
                .param("except", exceptCode == null ? "" : exceptCode)
                .query((rs, n) -> new Near(rs.getString(1), rs.getString(2), rs.getDouble(3)))
                .list();
        List<Warning> warnings = new ArrayList<>();
        for (Near n : near) {
            double metres = Math.round(n.distance() * 10) / 10.0;
            if (n.distance() <= SAME_PLACE_METERS) {
                warnings.add(new Warning(
                        "same_place",
                        n.code(),
                        n.name(),
                        metres,
                        "Station " + n.code() + " (" + n.name() + ") is only " + Math.round(n.distance())
                                + " m away."));
            } else if (similarity(name, n.name()) >= SIMILAR_NAME_SCORE) {
                warnings.add(new Warning(
                        "similar_name",
                        n.code(),
                        n.name(),
                        metres,
                        "Station " + n.code() + " has a similar name (" + n.name() + ") " + Math.round(n.distance())
                                + " m away."));
            }
        }
        return warnings;
    }

    /**
     * Dice coefficient of character bigrams after dropping the generic words every station
     * name contains, so "新华街爱心驿站" and "新华街道爱心驿站" match but two different
     * "爱心驿站" do not.
     */
    static double similarity(String a, String b) {
        Set<String> x = bigrams(core(a));
        Set<String> y = bigrams(core(b));
        if (x.isEmpty() || y.isEmpty()) return core(a).equals(core(b)) ? 1 : 0;
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return 2.0 * both.size() / (x.size() + y.size());
    }

    private static String core(String name) {
        return name.replaceAll("[\\s\\p{Punct}（）·、，。]", "")
                .replaceAll("户外劳动者服务站点|户外劳动者服务站|服务站点|爱心驿站|暖心驿站|职工驿站|骑士驿站|安康驿站|驿站", "");
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) out.add(s.substring(i, i + 2));
        return out;
    }
}
