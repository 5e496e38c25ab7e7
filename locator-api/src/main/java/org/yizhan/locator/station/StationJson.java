package org.yizhan.locator.station;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.hours.OpenState;
import org.yizhan.locator.web.Language;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A station's public answer ({@link StationResponse}, same fields, same order) for hot lists such
 * as nearest, written from JSON bytes serialised once per station and language. Only what changes
 * between requests is written per request: location in another crs, open state, next change,
 * staleness and distance. The bytes are the record itself serialised by the application's own
 * {@link JsonMapper} and cut around those fields, so a miss costs what the record always cost and
 * strings, instants and absent fields come out exactly as before; a test compares the two answers.
 *
 * <p>Cached by the row's whole value: an edit, a verification or a new report alarm is a different
 * row, so an answer is never stale and nothing needs invalidating; superseded entries age out.
 * The cache is bounded by the bytes it holds ({@value #CACHE_BYTES} per language).
 */
@Component
public class StationJson {

    static final long CACHE_BYTES = 24L << 20;

    private final StationResponses responses;
    private final JsonMapper json;
    private final List<Cache<StationRow, Parts>> byLanguage;
    /** A station's next open-state change: a few hundred distinct instants a week. */
    private final Cache<LocalDateTime, byte[]> nextChanges =
            Caffeine.newBuilder().maximumSize(4_096).build();

    StationJson(StationResponses responses, JsonMapper json) {
        this.responses = responses;
        this.json = json;
        this.byLanguage = Arrays.stream(Language.values())
                .map(l -> Caffeine.newBuilder()
                        .maximumWeight(CACHE_BYTES)
                        .<StationRow, Parts>weigher((row, parts) -> parts.weight())
                        .<StationRow, Parts>build())
                .toList();
    }

    /** The public answer for {@code row} as found by a search, {@code distanceMeters} away. */
    public JacksonSerializable found(
            StationRow row, Language language, CoordinateSystem crs, Instant now, double distanceMeters) {
        Parts parts = byLanguage.get(language.ordinal()).get(row, r -> parts(r, language, now));
        OpenState state = responses.state(row, now);
        @Nullable LatLng shown = crs == CoordinateSystem.WGS84 ? null : crs.fromWgs84(new LatLng(row.lat(), row.lng()));
        LocalDateTime next = state.nextChange();
        return new Found(
                parts,
                shown == null ? null : crs.id(),
                shown == null ? 0 : StationResponses.round7(shown.lat()),
                shown == null ? 0 : StationResponses.round7(shown.lng()),
                StationResponses.isOpen(row, state),
                next == null ? null : nextChanges.get(next, this::nextChange),
                Freshness.stale(row, now),
                Math.round(distanceMeters * 10) / 10.0);
    }

    private byte[] nextChange(LocalDateTime next) {
        return json.writeValueAsBytes(next.atZone(responses.zone()).toOffsetDateTime());
    }

    /**
     * The record serialised once, cut around its per-request fields. Keys are found as
     * {@code ,"name":} byte runs, which cannot occur inside a JSON string (its quotes are escaped).
     */
    private Parts parts(StationRow row, Language language, Instant now) {
        byte[] full = json.writeValueAsBytes(responses.toResponse(row, language, CoordinateSystem.WGS84, now, null));
        int location = find(full, ",\"location\":", 0) + 1;
        int middle = find(full, ",\"adcode\":", location) + 1;
        int open = find(full, ",\"openNow\":", middle);
        int tail = find(full, ",\"alwaysOpen\":", open) + 1;
        int stale = find(full, ",\"stale\":", tail);
        return new Parts(Arrays.copyOfRange(full, 0, open), location, middle, Arrays.copyOfRange(full, tail, stale));
    }

    private static int find(byte[] json, String key, int from) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= json.length - k.length; i++) {
            for (int j = 0; j < k.length; j++) if (json[i + j] != k[j]) continue outer;
            return i;
        }
        throw new IllegalStateException("no " + key + " in a station's JSON");
    }

    /**
     * {@code prefix}: {@code {"code":..,"address":..,} "location":{..},"crs":"wgs84",} {@code "adcode":..,"openingHours":..};
     * {@code tail}: {@code "alwaysOpen":..,"lastVerifiedAt":..}.
     */
    record Parts(byte[] prefix, int locationStart, int middleStart, byte[] tail) {
        int weight() {
            // the arrays, and roughly what the cache and the key row hold besides
            return prefix.length + tail.length + 600;
        }
    }

    /** One station of an answer: the cached parts and the values of this request. */
    private record Found(
            Parts parts,
            @Nullable String crs,
            double lat,
            double lng,
            boolean openNow,
            byte @Nullable [] nextChange,
            boolean stale,
            double distanceMeters)
            implements JacksonSerializable {

        private static final byte[] OPEN_TRUE = ascii(",\"openNow\":true");
        private static final byte[] OPEN_FALSE = ascii(",\"openNow\":false");
        private static final byte[] NEXT_CHANGE = ascii(",\"nextChange\":");
        private static final byte[] STALE_TRUE = ascii(",\"stale\":true,\"distanceMeters\":");
        private static final byte[] STALE_FALSE = ascii(",\"stale\":false,\"distanceMeters\":");

        @Override
        public void serialize(JsonGenerator gen, SerializationContext context) {
            byte[] prefix = parts.prefix();
            boolean fast = gen.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
            if (crs == null) {
                gen.writeRawValue(new Raw(prefix, 0, prefix.length));
            } else {
                gen.writeRawValue(new Raw(prefix, 0, parts.locationStart()));
                gen.writeRaw("\"location\":{\"lat\":" + NumberOutput.toString(lat, fast) + ",\"lng\":"
                        + NumberOutput.toString(lng, fast) + "},\"crs\":\"" + crs + "\",");
                gen.writeRaw(new Raw(prefix, parts.middleStart(), prefix.length));
            }
            gen.writeRaw(new Raw(openNow ? OPEN_TRUE : OPEN_FALSE));
            if (nextChange != null) {
                gen.writeRaw(new Raw(NEXT_CHANGE));
                gen.writeRaw(new Raw(nextChange));
            }
            gen.writeRaw(',');
            gen.writeRaw(new Raw(parts.tail()));
            gen.writeRaw(new Raw(stale ? STALE_TRUE : STALE_FALSE));
            gen.writeRaw(NumberOutput.toString(distanceMeters, fast));
            gen.writeRaw('}');
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializationContext context, TypeSerializer typeSer) {
            serialize(gen, context);
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A slice of UTF-8 JSON, copied into the generator's buffer as it is. */
    private record Raw(byte[] bytes, int from, int to) implements SerializableString {

        Raw(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        @Override
        public String getValue() {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return Arrays.copyOfRange(bytes, from, to);
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            int length = to - from;
            if (offset + length > buffer.length) return -1;
            System.arraycopy(bytes, from, buffer, offset, length);
            return length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) return -1;
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes, from, to - from);
            return to - from;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            int length = to - from;
            if (length > buffer.remaining()) return -1;
            buffer.put(bytes, from, length);
            return length;
        }
    }
}
