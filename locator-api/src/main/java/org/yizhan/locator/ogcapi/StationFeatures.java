package org.yizhan.locator.ogcapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.locator.station.StationResponse;
import org.yizhan.locator.station.StationResponses;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.Language;

/**
 * A station as an OGC API feature: id = the plaque code, the public fields as flat properties
 * (the responsible person never: it is not in the public response this starts from).
 */
@Component
class StationFeatures {

    private final StationResponses responses;

    StationFeatures(StationResponses responses) {
        this.responses = responses;
    }

    Map<String, Object> feature(StationRow row, OgcCrs crs, Language language, Instant now) {
        StationResponse station = responses.toResponse(row, language, CoordinateSystem.WGS84, now, null);
        double[] xy = crs.fromLonLat(row.lng(), row.lat());
        return GeoJson.feature(station.code(), GeoJson.point(crs.round(xy[0]), crs.round(xy[1])), properties(station));
    }

    static Map<String, Object> properties(StationResponse s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", s.code());
        p.put("name", s.name());
        p.put("nameEn", s.nameEn());
        p.put("address", s.address());
        p.put("adcode", s.adcode());
        p.put("division", s.division());
        p.put("hostType", s.hostType());
        p.put("hostOrganisation", s.hostOrganisation());
        p.put("contactPhone", s.contactPhone());
        p.put("openingHours", s.openingHours());
        p.put("openNow", s.openNow());
        p.put("alwaysOpen", s.alwaysOpen());
        p.put("amenities", String.join(",", s.amenities()));
        p.put("amenityLabels", String.join(",", s.amenityLabels()));
        p.put("status", s.status());
        p.put("floorArea", s.floorArea());
        p.put("updatedAt", s.updatedAt().toString());
        p.put(
                "lastVerifiedAt",
                s.lastVerifiedAt() == null ? null : s.lastVerifiedAt().toString());
        p.put("stale", s.stale());
        return p;
    }
}
