package org.yizhan.geo.route;

import java.util.ArrayList;
import java.util.List;

/**
 * Google's encoded polyline algorithm at precision 5 (1e-5 degrees, about a metre), the format of
 * most map SDKs' route answers: latitude and longitude deltas, zig-zag signed, in 5-bit chunks
 * offset by 63. Coordinates are returned as {@code [lat, lng]} pairs in whatever system the
 * encoder used; nothing here checks their range.
 */
public final class EncodedPolyline {

    private static final double FACTOR = 1e5;

    private EncodedPolyline() {}

    /** The points, or an {@link InvalidRouteException} naming the position of the first malformed character. */
    public static List<double[]> decode(String encoded, int maxPoints) {
        List<double[]> points = new ArrayList<>();
        long lat = 0, lng = 0;
        int[] at = {0};
        while (at[0] < encoded.length()) {
            if (points.size() == maxPoints) {
                throw new InvalidRouteException(InvalidRouteException.Reason.TOO_MANY_POINTS, maxPoints);
            }
            lat += next(encoded, at);
            if (at[0] >= encoded.length())
                throw new InvalidRouteException(InvalidRouteException.Reason.POLYLINE_UNPAIRED);
            lng += next(encoded, at);
            points.add(new double[] {lat / FACTOR, lng / FACTOR});
        }
        return points;
    }

    private static long next(String s, int[] at) {
        long result = 0;
        int shift = 0;
        while (true) {
            if (at[0] >= s.length()) throw new InvalidRouteException(InvalidRouteException.Reason.POLYLINE_CUT_OFF);
            int c = s.charAt(at[0]) - 63;
            if (c < 0 || c > 63)
                throw new InvalidRouteException(InvalidRouteException.Reason.POLYLINE_CHARACTER, at[0] + 1);
            at[0]++;
            if (shift > 30)
                throw new InvalidRouteException(InvalidRouteException.Reason.POLYLINE_VALUE_TOO_LONG, at[0]);
            result |= (long) (c & 0x1f) << shift;
            shift += 5;
            if (c < 0x20) break;
        }
        return (result & 1) != 0 ? ~(result >> 1) : result >> 1;
    }

    /** The encoding of {@code [lat, lng]} points, for tests and clients. */
    public static String encode(List<double[]> points) {
        StringBuilder out = new StringBuilder();
        long lat = 0, lng = 0;
        for (double[] p : points) {
            long la = Math.round(p[0] * FACTOR), ln = Math.round(p[1] * FACTOR);
            write(out, la - lat);
            write(out, ln - lng);
            lat = la;
            lng = ln;
        }
        return out.toString();
    }

    private static void write(StringBuilder out, long value) {
        long v = value < 0 ? ~(value << 1) : value << 1;
        while (v >= 0x20) {
            out.append((char) ((0x20 | (v & 0x1f)) + 63));
            v >>= 5;
        }
        out.append((char) (v + 63));
    }
}
