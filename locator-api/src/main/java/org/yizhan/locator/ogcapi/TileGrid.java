package org.yizhan.locator.ogcapi;

/**
 * The WebMercatorQuad tile matrix set (OGC 17-083r4; the XYZ scheme of web maps): at zoom z the
 * world between ±85.0511° is 2^z × 2^z tiles, row 0 at the north, column 0 at the antimeridian.
 * Positions are fractional tile indices, so a station belongs to exactly one tile per zoom
 * (floor of both), and pixel positions inside a tile are the fractions scaled to the extent.
 */
final class TileGrid {

    private TileGrid() {}

    static double column(double lng, int z) {
        return (lng + 180) / 360 * (1L << z);
    }

    static double row(double lat, int z) {
        double phi = Math.toRadians(Math.max(-OgcCrs.MERCATOR_MAX_LAT, Math.min(OgcCrs.MERCATOR_MAX_LAT, lat)));
        return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * (1L << z);
    }

    /** West edge of column {@code x}. */
    static double lng(double x, int z) {
        return x / (1L << z) * 360 - 180;
    }

    /** North edge of row {@code y}. */
    static double lat(double y, int z) {
        double n = Math.PI * (1 - 2 * y / (1L << z));
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }
}
