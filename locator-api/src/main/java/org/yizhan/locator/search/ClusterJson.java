package org.yizhan.locator.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.locator.station.StationResponses;
import tools.jackson.core.io.NumberOutput;

/**
 * A clusters answer as GeoJSON bytes: a FeatureCollection of points with a {@code count}, then the
 * {@code crs}. Written as bytes rather than through a generator because the answer is nothing but
 * fixed ASCII and numbers, and a view that is not cached yet (a rider panning the country) is
 * mostly this writing: through Jackson's generator it was 36% of the service's time on the
 * benchmark's 2,000 views, its per-token checks and buffers more than the digits. The bytes are
 * exactly the generator's ({@code ClusterJsonTest} compares them): numbers by the same
 * {@link GeoJson#plainCoordinate} and {@link NumberOutput}, centres to 7 decimals (~1 cm), as
 * stations' positions are.
 */
final class ClusterJson {

    private static final byte[] START = ascii("{\"type\":\"FeatureCollection\",\"features\":[");
    private static final byte[] FEATURE =
            ascii("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
    private static final byte[] COUNT = ascii("]},\"properties\":{\"count\":");
    private static final byte[] FEATURE_END = ascii("}}");
    private static final byte[] CRS = ascii("],\"crs\":\"");
    private static final byte[] END = ascii("\"}");
    /** A feature's bytes at most: the fixed parts, two coordinates and a count of up to 10 digits each. */
    private static final int FEATURE_BYTES = FEATURE.length + COUNT.length + FEATURE_END.length + 1 + 2 * 32 + 1 + 11;

    private byte[] out;
    private int size;
    private final char[] digits = new char[20];

    private ClusterJson(int clusters) {
        out = new byte[START.length + CRS.length + END.length + 16 + clusters * 112];
    }

    /** The answer for {@code clusters}, centres shown in {@code system}. */
    static byte[] write(List<StationIndex.Cluster> clusters, CoordinateSystem system) {
        ClusterJson json = new ClusterJson(clusters.size());
        json.append(START);
        for (int i = 0; i < clusters.size(); i++) {
            StationIndex.Cluster c = clusters.get(i);
            LatLng shown = system.fromWgs84(new LatLng(c.lat(), c.lng()));
            json.ensure(FEATURE_BYTES);
            if (i > 0) json.out[json.size++] = ',';
            json.append(FEATURE);
            json.coordinate(StationResponses.round7(shown.lng()));
            json.out[json.size++] = ',';
            json.coordinate(StationResponses.round7(shown.lat()));
            json.append(COUNT);
            json.size = NumberOutput.outputInt(c.count(), json.out, json.size);
            json.append(FEATURE_END);
        }
        json.append(CRS);
        // An identifier such as gcj02: lower-case ASCII, nothing to escape.
        json.append(ascii(system.id()));
        json.append(END);
        return Arrays.copyOf(json.out, json.size);
    }

    private void coordinate(double value) {
        int n = GeoJson.plainCoordinate(value, digits);
        if (n < 0) {
            append(ascii(NumberOutput.toString(value, true)));
            return;
        }
        for (int i = 0; i < n; i++) out[size++] = (byte) digits[i];
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int more) {
        if (size + more > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
