package org.yizhan.locator.station;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.geo.exchange.IsoTimestamps;
import org.yizhan.geo.hours.OpenState;
import org.yizhan.locator.amenity.Amenity;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.web.Language;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A station's public answer ({@link StationResponse}: same fields, same order, absent when null)
 * written straight into the generator for hot lists such as nearest, without building the record
 * or walking its 29 components by reflection. Profiling nearest showed the record's bean
 * serializer, and later a per-station byte cache (hashing whole rows, mostly missing: a rider app's
 * queries touch far more stations than fit), as the largest costs after the HTTP stack; writing
 * the fields costs less than either. Dates come out as the formatters Jackson's own
 * serializers use print them ({@link IsoTimestamps}), so exactly as in the record; {@code NearestJsonIT} compares the two answers
 * field by field, in order, in every language and crs.
 */
@Component
public class StationJson {

    private static final SerializableString CODE = name("code");
    private static final SerializableString NAME = name("name");
    private static final SerializableString NAME_EN = name("nameEn");
    private static final SerializableString ADDRESS = name("address");
    private static final SerializableString LOCATION = name("location");
    private static final SerializableString LAT = name("lat");
    private static final SerializableString LNG = name("lng");
    private static final SerializableString CRS = name("crs");
    private static final SerializableString ADCODE = name("adcode");
    private static final SerializableString DIVISION = name("division");
    private static final SerializableString HOST_TYPE = name("hostType");
    private static final SerializableString HOST_ORGANISATION = name("hostOrganisation");
    private static final SerializableString CONTACT_PHONE = name("contactPhone");
    private static final SerializableString OPENING_HOURS = name("openingHours");
    private static final SerializableString OPEN_NOW = name("openNow");
    private static final SerializableString NEXT_CHANGE = name("nextChange");
    private static final SerializableString ALWAYS_OPEN = name("alwaysOpen");
    private static final SerializableString AMENITIES = name("amenities");
    private static final SerializableString AMENITY_LABELS = name("amenityLabels");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString STATUS_REASON = name("statusReason");
    private static final SerializableString FLOOR_AREA = name("floorArea");
    private static final SerializableString UPDATED_AT = name("updatedAt");
    private static final SerializableString VERSION = name("version");
    private static final SerializableString LAST_VERIFIED_AT = name("lastVerifiedAt");
    private static final SerializableString STALE = name("stale");
    private static final SerializableString DISTANCE_METERS = name("distanceMeters");

    private final StationResponses responses;
    private final EncodedTexts texts;

    StationJson(StationResponses responses, AmenityVocabulary vocabulary) {
        this.responses = responses;
        this.texts = new EncodedTexts(vocabulary, responses);
    }

    /**
     * The texts many stations share (amenity keys, their labels in each language, division
     * names), encoded to quoted UTF-8 once. Writing them afresh per station (Chinese labels char by
     * char) was an eighth of a viewport's serialising time.
     */
    private static final class EncodedTexts {
        private final Map<String, EncodedAmenity> amenities = new HashMap<>();
        /** By adcode; as many as the register has divisions (a few thousand at most). */
        private final Map<String, SerializableString> divisions = new ConcurrentHashMap<>();

        private final StationResponses responses;

        private record EncodedAmenity(SerializableString key, SerializableString labelZh, SerializableString labelEn) {
            SerializableString label(Language language) {
                return language == Language.EN ? labelEn : labelZh;
            }
        }

        EncodedTexts(AmenityVocabulary vocabulary, StationResponses responses) {
            this.responses = responses;
            for (Amenity amenity : vocabulary.all()) {
                amenities.put(
                        amenity.key(),
                        new EncodedAmenity(
                                name(amenity.key()),
                                name(amenity.label(Language.ZH)),
                                name(amenity.label(Language.EN))));
            }
        }

        SerializableString division(String adcode) {
            return divisions.computeIfAbsent(adcode, a -> name(responses.division(a)));
        }

        /**
         * The keys, or with a language their labels. A key outside the vocabulary (an old row) is
         * written as it is, and is its own label, as in {@link AmenityVocabulary#label}.
         */
        void amenities(JsonGenerator gen, List<String> keys, @Nullable Language language) {
            gen.writeStartArray(keys, keys.size());
            for (String key : keys) {
                EncodedAmenity known = amenities.get(key);
                if (known == null) gen.writeString(key);
                else gen.writeString(language == null ? known.key() : known.label(language));
            }
            gen.writeEndArray();
        }
    }

    /** The public answer for {@code row} as found by a search, {@code distanceMeters} away. */
    public JacksonSerializable found(
            StationRow row, Language language, CoordinateSystem crs, Instant now, double distanceMeters) {
        return answer(row, language, crs, now, distanceMeters);
    }

    private Found answer(StationRow row, Language language, CoordinateSystem crs, Instant now, double distanceMeters) {
        OpenState state = responses.state(row, now);
        LatLng shown = crs == CoordinateSystem.WGS84
                ? new LatLng(row.lat(), row.lng())
                : crs.fromWgs84(new LatLng(row.lat(), row.lng()));
        LocalDateTime next = state.nextChange();
        return new Found(
                row,
                texts,
                language,
                crs.id(),
                StationResponses.round7(shown.lat()),
                StationResponses.round7(shown.lng()),
                StationResponses.isOpen(row, state),
                next == null ? null : next.atZone(responses.zone()).toOffsetDateTime(),
                Freshness.stale(row, now),
                Double.isNaN(distanceMeters) ? Double.NaN : Math.round(distanceMeters * 10) / 10.0);
    }

    /**
     * A station as a feature of a viewport's GeoJSON: {@code type}, {@code id} (the code), the point
     * and the public answer as properties, as {@link GeoJson#feature} lays them out; the same
     * answer as {@link #found} without a distance.
     */
    public JacksonSerializable feature(StationRow row, Language language, CoordinateSystem crs, Instant now) {
        return new Feature(answer(row, language, crs, now, Double.NaN));
    }

    private record Feature(Found station) implements JacksonSerializable {

        @Override
        public void serialize(JsonGenerator gen, SerializationContext context) {
            GeoJson.startPointFeature(gen, station.row().code(), station.lng(), station.lat());
            station.serialize(gen, context);
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializationContext context, TypeSerializer typeSer) {
            serialize(gen, context);
        }
    }

    /** One station of an answer: the row and what this request adds to it. */
    private record Found(
            StationRow row,
            EncodedTexts texts,
            Language language,
            String crs,
            double lat,
            double lng,
            boolean openNow,
            java.time.@Nullable OffsetDateTime nextChange,
            boolean stale,
            /** NaN in a viewport: no distance is written. */
            double distanceMeters)
            implements JacksonSerializable {

        @Override
        public void serialize(JsonGenerator gen, SerializationContext context) {
            gen.writeStartObject();
            string(gen, CODE, row.code());
            string(gen, NAME, row.name());
            string(gen, NAME_EN, row.nameEn());
            string(gen, ADDRESS, row.address());
            gen.writeName(LOCATION);
            gen.writeStartObject();
            gen.writeName(LAT);
            GeoJson.writeCoordinate(gen, lat);
            gen.writeName(LNG);
            GeoJson.writeCoordinate(gen, lng);
            gen.writeEndObject();
            string(gen, CRS, crs);
            string(gen, ADCODE, row.adcode());
            gen.writeName(DIVISION);
            gen.writeString(texts.division(row.adcode()));
            string(gen, HOST_TYPE, row.hostType());
            string(gen, HOST_ORGANISATION, row.hostOrganisation());
            string(gen, CONTACT_PHONE, row.contactPhone());
            // contactPerson: only in answers to signed-in accounts, never in a search list
            string(gen, OPENING_HOURS, row.openingHours());
            gen.writeName(OPEN_NOW);
            gen.writeBoolean(openNow);
            if (nextChange != null) {
                gen.writeName(NEXT_CHANGE);
                gen.writeString(IsoTimestamps.offsetDateTime(nextChange));
            }
            gen.writeName(ALWAYS_OPEN);
            gen.writeBoolean(row.alwaysOpen());
            gen.writeName(AMENITIES);
            texts.amenities(gen, row.amenities(), null);
            gen.writeName(AMENITY_LABELS);
            texts.amenities(gen, row.amenities(), language);
            string(gen, STATUS, row.status());
            string(gen, STATUS_REASON, row.statusReason());
            if (row.floorArea() != null) {
                gen.writeName(FLOOR_AREA);
                gen.writeNumber(row.floorArea());
            }
            instant(gen, UPDATED_AT, row.updatedAt());
            gen.writeName(VERSION);
            gen.writeNumber(row.version());
            instant(gen, LAST_VERIFIED_AT, row.lastVerifiedAt());
            gen.writeName(STALE);
            gen.writeBoolean(stale);
            if (!Double.isNaN(distanceMeters)) {
                gen.writeName(DISTANCE_METERS);
                gen.writeNumber(distanceMeters);
            }
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializationContext context, TypeSerializer typeSer) {
            serialize(gen, context);
        }

        private static void string(JsonGenerator gen, SerializableString name, @Nullable String value) {
            if (value == null) return;
            gen.writeName(name);
            gen.writeString(value);
        }

        /**
         * ISO-8601 as Jackson's own {@code InstantSerializer} writes it (its default formatter is
         * {@link java.time.format.DateTimeFormatter#ISO_INSTANT}); going through the serializer
         * lookup per date was half of this writer's cost, and the formatter itself a sixth of the rest.
         */
        private static void instant(JsonGenerator gen, SerializableString name, @Nullable Instant value) {
            if (value == null) return;
            gen.writeName(name);
            gen.writeString(IsoTimestamps.instant(value));
        }
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}
