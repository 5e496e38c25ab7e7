package org.yizhan.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.yizhan.geo.LatLng;

class GaussKrugerTest {

    /** The CGCS2000 ellipsoid (EPSG ellipsoid 1024): a and 1/f, the same as GRS 80. */
    private static final double A = 6378137.0;

    private static final double INVERSE_F = 298.257222101;

    /**
     * EPSG Guidance Note 7-2 (IOGP Publication 373-7-2, "Coordinate Conversions and Transformations
     * including Formulas"), Transverse Mercator worked example: OSGB 1936 / British National Grid
     * (Airy 1830; origin 49°N 2°W, k0 = 0.9996012717, FE 400,000 m, FN −100,000 m),
     * φ = 50°30'00"N, λ = 00°30'00"E gives E = 577,274.99 m, N = 69,740.50 m. This is the same
     * proj4j Transverse Mercator that {@link GaussKruger} uses, given the example's parameters
     * instead of CGCS2000's; the guidance note rounds to the centimetre.
     */
    @Test
    void projectionReproducesTheEpsgGuidanceNoteWorkedExample() {
        CRSFactory crs = new CRSFactory();
        var grid = crs.createFromParameters(
                "bng",
                "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 "
                        + "+x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs");
        var geographic = crs.createFromParameters("airy", "+proj=longlat +ellps=airy +no_defs");
        var forward = new CoordinateTransformFactory().createTransform(geographic, grid);
        ProjCoordinate en = forward.transform(new ProjCoordinate(0.5, 50.5), new ProjCoordinate());
        assertThat(en.x).isCloseTo(577_274.99, within(0.02));
        assertThat(en.y).isCloseTo(69_740.50, within(0.02));

        var inverse = new CoordinateTransformFactory().createTransform(grid, geographic);
        ProjCoordinate ll = inverse.transform(new ProjCoordinate(577_274.99, 69_740.50), new ProjCoordinate());
        assertThat(ll.x).isCloseTo(0.5, within(3e-7)); // 3e-7° ≈ 2 cm
        assertThat(ll.y).isCloseTo(50.5, within(3e-7));
    }

    /**
     * Points in the register's cities, each in its own 3-degree zone, against an independent
     * computation: Krüger's series in the third flattening n (Karney, "Transverse Mercator with an
     * accuracy of a few nanometers", J. Geodesy 85 (2011), eqs. 7, 9, 14, 35), written out below
     * with the CGCS2000 ellipsoid. Tolerance 1 mm.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // place,                     lat,     lng,      EPSG (prefixed zone)
        "Wuhai Haibowan,             39.6553, 106.8254, 4524",
        "Hohhot Huimin,              40.8150, 111.6520, 4525",
        "Beijing Chaoyang,           39.9219, 116.4431, 4527",
        "Chongqing Yuzhong,          29.5570, 106.5770, 4524",
        "Shiyan Zhangwan,            32.6523, 110.7790, 4525",
        "Xilinhot,                   43.9333, 116.0860, 4527",
        "zone edge 1.49 deg east,    45.0000, 118.4900, 4527",
        "Kashgar (zone 25 of 75E),   39.4700,  75.9900, 4513",
        "Fuyuan (zone 45 of 135E),   48.3600, 134.2900, 4533",
    })
    void projectsLikeKruegersSeries(String place, double lat, double lng, int epsg) {
        GaussKruger prefixed = GaussKruger.forEpsg(epsg).orElseThrow();
        GaussKruger plain = GaussKruger.forEpsg(epsg + 21).orElseThrow();
        assertThat(GaussKruger.containing(LatLng.of(lat, lng), true)).contains(prefixed);

        double[] expected = krueger(lat, lng - prefixed.centralMeridian());
        GaussKruger.Projected withPrefix = prefixed.project(LatLng.of(lat, lng));
        GaussKruger.Projected withoutPrefix = plain.project(LatLng.of(lat, lng));

        assertThat(withPrefix.easting()).isCloseTo(prefixed.zone() * 1e6 + 500_000 + expected[0], within(0.001));
        assertThat(withPrefix.northing()).isCloseTo(expected[1], within(0.001));
        assertThat(withoutPrefix.easting()).isCloseTo(500_000 + expected[0], within(0.001));
        assertThat(withoutPrefix.northing()).isCloseTo(expected[1], within(0.001));

        LatLng back = prefixed.unproject(withPrefix);
        assertThat(back.lat()).isCloseTo(lat, within(1e-9));
        assertThat(back.lng()).isCloseTo(lng, within(1e-9));
    }

    @Test
    void centralMeridianPointsAtTheEquatorLieAtTheFalseEasting() {
        for (int epsg = 4513; epsg <= 4554; epsg++) {
            GaussKruger zone = GaussKruger.forEpsg(epsg).orElseThrow();
            GaussKruger.Projected origin = zone.project(LatLng.of(0, zone.centralMeridian()));
            assertThat(origin.easting()).as(zone.name()).isCloseTo(zone.falseEasting(), within(1e-6));
            assertThat(origin.northing()).as(zone.name()).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void epsgCodesNameTheZonesAsEpsgDefinesThem() {
        GaussKruger zone39 = GaussKruger.forEpsg(4527).orElseThrow();
        assertThat(zone39.centralMeridian()).isEqualTo(117);
        assertThat(zone39.zone()).isEqualTo(39);
        assertThat(zone39.falseEasting()).isEqualTo(39_500_000);
        assertThat(zone39.name()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger zone 39");
        GaussKruger cm117 = GaussKruger.forEpsg(4548).orElseThrow();
        assertThat(cm117.centralMeridian()).isEqualTo(117);
        assertThat(cm117.falseEasting()).isEqualTo(500_000);
        assertThat(cm117.name()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 117E");
        assertThat(GaussKruger.forEpsg(4513).orElseThrow().centralMeridian()).isEqualTo(75);
        assertThat(GaussKruger.forEpsg(4554).orElseThrow().centralMeridian()).isEqualTo(135);
        assertThat(GaussKruger.forEpsg(4512)).isEmpty();
        assertThat(GaussKruger.forEpsg(4555)).isEmpty();
        assertThat(GaussKruger.forCentralMeridian(118, true)).isEmpty();
        assertThatThrownBy(() -> new GaussKruger(4527, 114, true)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Seeded random points inside every zone, ±1.5° around its meridian, 18°N to 54°N. */
    @Test
    void roundTripsWithinEveryZone() {
        long seed = Long.getLong("yizhan.test.seed", 20261126L);
        Random random = new Random(seed);
        for (int i = 0; i < 4_000; i++) {
            GaussKruger zone = GaussKruger.forEpsg(4513 + random.nextInt(42)).orElseThrow();
            LatLng p = LatLng.of(18 + random.nextDouble() * 36, zone.centralMeridian() - 1.5 + random.nextDouble() * 3);
            LatLng back = zone.unproject(zone.project(p));
            assertThat(back.lat()).as("seed %d, %s in %s", seed, p, zone.name()).isCloseTo(p.lat(), within(1e-9));
            assertThat(back.lng()).as("seed %d, %s in %s", seed, p, zone.name()).isCloseTo(p.lng(), within(1e-9));
        }
    }

    @Test
    void refusesCoordinatesThatAreNoPoint() {
        GaussKruger zone = GaussKruger.forEpsg(4527).orElseThrow();
        assertThatThrownBy(() -> zone.unproject(new GaussKruger.Projected(Double.NaN, 4_000_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Krüger's series to third order in n (Karney 2011 eqs. 35), returning (x, y) relative to the
     * false origin. Third order is good to a few tenths of a millimetre within a 3-degree zone.
     */
    private static double[] krueger(double latDeg, double dLngDeg) {
        double f = 1 / INVERSE_F;
        double n = f / (2 - f);
        double e = Math.sqrt(f * (2 - f));
        double bigA = A / (1 + n) * (1 + n * n / 4 + n * n * n * n / 64);
        double[] alpha = {
            n / 2 - 2 * n * n / 3 + 5 * n * n * n / 16, 13 * n * n / 48 - 3 * n * n * n / 5, 61 * n * n * n / 240,
        };
        double phi = Math.toRadians(latDeg);
        double lambda = Math.toRadians(dLngDeg);
        double sin = Math.sin(phi);
        double t = Math.sinh(atanh(sin) - e * atanh(e * sin));
        double xiPrime = Math.atan2(t, Math.cos(lambda));
        double etaPrime = atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
        double xi = xiPrime;
        double eta = etaPrime;
        for (int j = 1; j <= 3; j++) {
            xi += alpha[j - 1] * Math.sin(2 * j * xiPrime) * Math.cosh(2 * j * etaPrime);
            eta += alpha[j - 1] * Math.cos(2 * j * xiPrime) * Math.sinh(2 * j * etaPrime);
        }
        return new double[] {bigA * eta, bigA * xi};
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
