package org.yizhan.locator.ogcapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.geo.exchange.IsoTimestamps;
import org.yizhan.locator.station.Freshness;
import org.yizhan.locator.station.StationResponses;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.Language;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A station as an OGC API feature: id = the plaque code, the public fields as flat properties
 * (the responsible person never). The properties are listed once ({@link #properties}) and go
 * either into a map (single features, HTML tables) or, for pages of the collection, straight into
 * the JSON generator: building a 20-entry map per feature and serialising it by reflection was
 * over half of an items page's CPU (JFR, 500-feature pages).
 */
@Component
class StationFeatures {

    private final StationResponses responses;

    StationFeatures(StationResponses responses) {
        this.responses = responses;
    }

    /** The feature as a map, for single stations and the HTML table. */
    Map<String, Object> feature(StationRow row, OgcCrs crs, Language language, Instant now) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties(row, language, now, properties::put);
        double[] xy = crs.fromLonLat(row.lng(), row.lat());
        return GeoJson.feature(row.code(), GeoJson.point(crs.round(xy[0]), crs.round(xy[1])), properties);
    }

    /** The same feature written as it is serialised, for pages of the collection. */
    JacksonSerializable json(StationRow row, OgcCrs crs, Language language, Instant now) {
        return new Json(this, row, crs, language, now);
    }

    /** Where a feature's properties go, in order: a String, Boolean or Double, never null. */
    interface Properties {
        void put(String name, Object value);
    }

    /** The public properties of a station, in the order they are shown; absent values are left out. */
    void properties(StationRow row, Language language, Instant now, Properties out) {
        out.put("code", row.code());
        out.put("name", row.name());
        putPresent(out, "nameEn", row.nameEn());
        out.put("address", row.address());
        out.put("adcode", row.adcode());
        out.put("division", responses.division(row.adcode()));
        out.put("hostType", row.hostType());
        out.put("hostOrganisation", row.hostOrganisation());
        out.put("contactPhone", row.contactPhone());
        out.put("openingHours", row.openingHours());
        out.put("openNow", responses.isOpen(row, now));
        out.put("alwaysOpen", row.alwaysOpen());
        out.put("amenities", String.join(",", row.amenities()));
        out.put("amenityLabels", String.join(",", responses.amenityLabels(row, language)));
        out.put("status", row.status());
        putPresent(out, "floorArea", row.floorArea());
        out.put("updatedAt", IsoTimestamps.instant(row.updatedAt()));
        Instant verified = row.lastVerifiedAt();
        putPresent(out, "lastVerifiedAt", verified == null ? null : IsoTimestamps.instant(verified));
        out.put("stale", Freshness.stale(row, now));
    }

    private static void putPresent(Properties out, String name, @Nullable Object value) {
        if (value != null) out.put(name, value);
    }

    private record Json(StationFeatures features, StationRow row, OgcCrs crs, Language language, Instant now)
            implements JacksonSerializable {

        @Override
        public void serialize(JsonGenerator gen, SerializationContext context) {
            double[] xy = crs.fromLonLat(row.lng(), row.lat());
            GeoJson.startPointFeature(gen, row.code(), crs.round(xy[0]), crs.round(xy[1]));
            gen.writeStartObject();
            features.properties(row, language, now, (name, value) -> {
                gen.writeName(name);
                if (value instanceof String text) gen.writeString(text);
                else if (value instanceof Boolean flag) gen.writeBoolean(flag);
                else gen.writeNumber((Double) value);
            });
            gen.writeEndObject();
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializationContext context, TypeSerializer typeSer) {
            serialize(gen, context);
        }
    }
}
