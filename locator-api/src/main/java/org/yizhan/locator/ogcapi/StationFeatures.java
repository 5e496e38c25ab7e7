package org.yizhan.locator.ogcapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.geo.exchange.GeoJson;
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
        properties(row, language, now, new Properties() {
            @Override
            public void text(String name, @Nullable String value) {
                if (value != null) properties.put(name, value);
            }

            @Override
            public void flag(String name, boolean value) {
                properties.put(name, value);
            }

            @Override
            public void number(String name, @Nullable Double value) {
                if (value != null) properties.put(name, value);
            }
        });
        double[] xy = crs.fromLonLat(row.lng(), row.lat());
        return GeoJson.feature(row.code(), GeoJson.point(crs.round(xy[0]), crs.round(xy[1])), properties);
    }

    /** The same feature written as it is serialised, for pages of the collection. */
    JacksonSerializable json(StationRow row, OgcCrs crs, Language language, Instant now) {
        return new Json(this, row, crs, language, now);
    }

    /** Where a feature's properties go, in order; null values are left out. */
    interface Properties {
        void text(String name, @Nullable String value);

        void flag(String name, boolean value);

        void number(String name, @Nullable Double value);
    }

    /** The public properties of a station, in the order they are shown. */
    void properties(StationRow row, Language language, Instant now, Properties out) {
        out.text("code", row.code());
        out.text("name", row.name());
        out.text("nameEn", row.nameEn());
        out.text("address", row.address());
        out.text("adcode", row.adcode());
        out.text("division", responses.division(row.adcode()));
        out.text("hostType", row.hostType());
        out.text("hostOrganisation", row.hostOrganisation());
        out.text("contactPhone", row.contactPhone());
        out.text("openingHours", row.openingHours());
        out.flag("openNow", responses.isOpen(row, now));
        out.flag("alwaysOpen", row.alwaysOpen());
        out.text("amenities", String.join(",", row.amenities()));
        out.text("amenityLabels", String.join(",", responses.amenityLabels(row, language)));
        out.text("status", row.status());
        out.number("floorArea", row.floorArea());
        out.text("updatedAt", row.updatedAt().toString());
        Instant verified = row.lastVerifiedAt();
        out.text("lastVerifiedAt", verified == null ? null : verified.toString());
        out.flag("stale", Freshness.stale(row, now));
    }

    private record Json(StationFeatures features, StationRow row, OgcCrs crs, Language language, Instant now)
            implements JacksonSerializable {

        @Override
        public void serialize(JsonGenerator gen, SerializationContext context) {
            double[] xy = crs.fromLonLat(row.lng(), row.lat());
            gen.writeStartObject();
            gen.writeStringProperty("type", "Feature");
            gen.writeStringProperty("id", row.code());
            gen.writeName("geometry");
            gen.writeStartObject();
            gen.writeStringProperty("type", "Point");
            gen.writeName("coordinates");
            gen.writeStartArray();
            gen.writeNumber(crs.round(xy[0]));
            gen.writeNumber(crs.round(xy[1]));
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeName("properties");
            gen.writeStartObject();
            features.properties(row, language, now, new Properties() {
                @Override
                public void text(String name, @Nullable String value) {
                    if (value != null) gen.writeStringProperty(name, value);
                }

                @Override
                public void flag(String name, boolean value) {
                    gen.writeBooleanProperty(name, value);
                }

                @Override
                public void number(String name, @Nullable Double value) {
                    if (value != null) gen.writeNumberProperty(name, value);
                }
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
