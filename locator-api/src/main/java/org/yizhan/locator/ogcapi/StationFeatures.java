package org.yizhan.locator.ogcapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.geo.exchange.IsoTimestamps;
import org.yizhan.locator.station.Freshness;
import org.yizhan.locator.station.StationResponses;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.Language;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
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

    /** Past this many distinct amenity lists (a register has hundreds), the texts are joined per feature. */
    private static final int MAX_JOINED = 10_000;

    private final StationResponses responses;
    private final Map<List<String>, JoinedAmenities> joined = new ConcurrentHashMap<>();

    StationFeatures(StationResponses responses) {
        this.responses = responses;
    }

    /**
     * A station's amenity keys and their labels in each language, comma-joined and encoded to
     * UTF-8 once per distinct list: joining them per feature was a fifth of an items page's CPU.
     */
    private record JoinedAmenities(SerializableString keys, SerializableString zh, SerializableString en) {
        SerializableString labels(Language language) {
            return language == Language.EN ? en : zh;
        }
    }

    private JoinedAmenities joined(StationRow row) {
        JoinedAmenities known = joined.get(row.amenities());
        if (known != null) return known;
        JoinedAmenities fresh = new JoinedAmenities(
                new SerializedString(String.join(",", row.amenities())),
                new SerializedString(String.join(",", responses.amenityLabels(row, Language.ZH))),
                new SerializedString(String.join(",", responses.amenityLabels(row, Language.EN))));
        if (joined.size() < MAX_JOINED) joined.put(List.copyOf(row.amenities()), fresh);
        return fresh;
    }

    /** The feature as a map, for single stations and the HTML table. */
    Map<String, Object> feature(StationRow row, OgcCrs crs, Language language, Instant now) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties(
                row,
                language,
                now,
                (name, value) ->
                        properties.put(name, value instanceof SerializableString text ? text.getValue() : value));
        double[] xy = crs.fromLonLat(row.lng(), row.lat());
        return GeoJson.feature(row.code(), GeoJson.point(crs.round(xy[0]), crs.round(xy[1])), properties);
    }

    /** The same feature written as it is serialised, for pages of the collection. */
    JacksonSerializable json(StationRow row, OgcCrs crs, Language language, Instant now) {
        return new Json(this, row, crs, language, now);
    }

    /**
     * Where a feature's properties go, in order: a String, a {@link SerializableString} (text
     * already encoded), a Boolean or a Double, never null.
     */
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
        JoinedAmenities amenities = joined(row);
        out.put("amenities", amenities.keys());
        out.put("amenityLabels", amenities.labels(language));
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
                else if (value instanceof SerializableString encoded) gen.writeString(encoded);
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
