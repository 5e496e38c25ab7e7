package org.yizhan.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

/** {@code .prj} texts as ArcGIS and QGIS write them. */
class DeclaredCrsTest {

    static final String ESRI_ZONE_39 =
            "PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                    + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                    + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",39500000.0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",1.0],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    static final String ESRI_CM_108 =
            "PROJCS[\"CGCS2000_3_Degree_GK_CM_108E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                    + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                    + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",108.0],PARAMETER[\"Scale_Factor\",1.0],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    static final String ESRI_WGS84 =
            "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                    + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    static final String ESRI_CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    @Test
    void readsGaussKruegerZonesWithAndWithoutPrefix() {
        assertThat(DeclaredCrs.ofWkt(ESRI_ZONE_39))
                .isEqualTo(new DeclaredCrs.Projected(GaussKruger.forEpsg(4527).orElseThrow()));
        assertThat(DeclaredCrs.ofWkt(ESRI_CM_108))
                .isEqualTo(new DeclaredCrs.Projected(GaussKruger.forEpsg(4545).orElseThrow()));
    }

    @Test
    void readsGeographicSystems() {
        assertThat(DeclaredCrs.ofWkt(ESRI_WGS84)).isEqualTo(new DeclaredCrs.Geographic(false));
        assertThat(DeclaredCrs.ofWkt(ESRI_WGS84).callerMayOverride()).isTrue();
        assertThat(DeclaredCrs.ofWkt(ESRI_CGCS2000)).isEqualTo(new DeclaredCrs.Geographic(true));
        assertThat(DeclaredCrs.ofWkt(ESRI_CGCS2000).callerMayOverride()).isFalse();
    }

    /** The OGC flavour with an EPSG authority, as GDAL and the proj4j-epsg WKT file write it. */
    @Test
    void trustsAnEpsgAuthority() {
        String ogc =
                "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger zone 39\", GEOGCS[\"China Geodetic Coordinate System 2000\", "
                        + "DATUM[\"China 2000\", SPHEROID[\"CGCS2000\", 6378137.0, 298.257222101]]], PROJECTION[\"Transverse_Mercator\"], "
                        + "UNIT[\"m\", 1.0], AXIS[\"Northing\", NORTH], AXIS[\"Easting\", EAST], AUTHORITY[\"EPSG\",\"4527\"]]";
        assertThat(DeclaredCrs.ofWkt(ogc))
                .isEqualTo(new DeclaredCrs.Projected(GaussKruger.forEpsg(4527).orElseThrow()));
        assertThat(DeclaredCrs.ofWkt("GEOGCRS[\"CGCS2000\", ID[\"EPSG\", 4490]]"))
                .isEqualTo(new DeclaredCrs.Geographic(true));
    }

    @Test
    void refusesDatumsThatNeedAShiftAndOtherProjections() {
        String xian80 = ESRI_ZONE_39
                .replace("GCS_China_Geodetic_Coordinate_System_2000", "GCS_Xian_1980")
                .replace("D_China_2000", "D_Xian_1980");
        assertThatThrownBy(() -> DeclaredCrs.ofWkt(xian80))
                .satisfies(refusal(UnsupportedCrsException.Reason.DATUM, "D_Xian_1980"));
        String webMercator =
                "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                        + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]],PROJECTION[\"Mercator_Auxiliary_Sphere\"],"
                        + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"Central_Meridian\",0.0],UNIT[\"Meter\",1.0]]";
        assertThatThrownBy(() -> DeclaredCrs.ofWkt(webMercator))
                .satisfies(refusal(
                        UnsupportedCrsException.Reason.PROJECTION,
                        "WGS_1984_Web_Mercator_Auxiliary_Sphere",
                        "WGS 84",
                        "Mercator_Auxiliary_Sphere",
                        "0",
                        "0"));
        String sixDegree = ESRI_ZONE_39.replace("39500000.0", "20500000.0");
        // Numbers as a person writes them, not 2.05E7.
        assertThatThrownBy(() -> DeclaredCrs.ofWkt(sixDegree))
                .satisfies(refusal(
                        UnsupportedCrsException.Reason.PROJECTION,
                        "CGCS2000_3_Degree_GK_Zone_39",
                        "CGCS2000",
                        "Gauss_Kruger",
                        "117",
                        "20500000"));
        assertThatThrownBy(() -> DeclaredCrs.ofEpsg(3857))
                .satisfies(refusal(UnsupportedCrsException.Reason.EPSG, 3857));
    }

    @Test
    void refusesUnreadableText() {
        assertThatThrownBy(() -> DeclaredCrs.ofWkt("GEOGCS[\"x\""))
                .satisfies(refusal(UnsupportedCrsException.Reason.NOT_WKT, 11));
        assertThatThrownBy(() -> DeclaredCrs.ofWkt("")).satisfies(refusal(UnsupportedCrsException.Reason.NOT_WKT, 1));
        assertThatThrownBy(() -> DeclaredCrs.ofWkt("A[".repeat(100)))
                .satisfies(refusal(UnsupportedCrsException.Reason.TOO_DEEP));
        assertThatThrownBy(() -> DeclaredCrs.ofWkt("A".repeat(70_000)))
                .satisfies(refusal(UnsupportedCrsException.Reason.TOO_LONG, 65_536));
    }

    /** A refusal for {@code reason} naming exactly {@code values}. */
    private static ThrowingConsumer<Throwable> refusal(UnsupportedCrsException.Reason reason, Object... values) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(UnsupportedCrsException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.values()).containsExactly(values);
        });
    }
}
