package org.yizhan.locator.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.search.Bbox;
import org.yizhan.locator.web.ApiException;

class OgcCrsTest {

    @Test
    void webMercatorMatchesTheEpsgGuidanceNoteExample() {
        // EPSG Guidance Note 7-2, Popular Visualisation Pseudo-Mercator (EPSG:1024) worked example:
        // 24°22'54.433"N, 100°20'00.000"W -> E = -11 169 055.58 m, N = 2 800 000.00 m.
        double lat = 24 + 22 / 60.0 + 54.433 / 3600, lng = -(100 + 20 / 60.0);
        double[] en = OgcCrs.EPSG_3857.fromLonLat(lng, lat);
        assertThat(en[0]).isCloseTo(-11_169_055.58, offset(0.01));
        assertThat(en[1]).isCloseTo(2_800_000.00, offset(0.01));
    }

    @Test
    void everyCrsRoundTripsAndPutsItsAxesInEpsgOrder() {
        long seed = 7;
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            double lng = -180 + random.nextDouble() * 360, lat = -85 + random.nextDouble() * 170;
            for (OgcCrs crs : OgcCrs.values()) {
                double[] xy = crs.fromLonLat(lng, lat);
                double[] back = crs.toLonLat(xy[0], xy[1]);
                assertThat(back[0]).as("%s lng, seed %d", crs, seed).isCloseTo(lng, offset(1e-9));
                assertThat(back[1]).as("%s lat, seed %d", crs, seed).isCloseTo(lat, offset(1e-9));
            }
            assertThat(OgcCrs.EPSG_4326.fromLonLat(lng, lat)).containsExactly(lat, lng);
            assertThat(OgcCrs.EPSG_4490.fromLonLat(lng, lat)).containsExactly(lat, lng);
            assertThat(OgcCrs.CRS84.fromLonLat(lng, lat)).containsExactly(lng, lat);
        }
    }

    @Test
    void crsNamesAreUrisOrShortNamesAndNothingElse() {
        assertThat(OgcCrs.parse("crs", null)).isEqualTo(OgcCrs.CRS84);
        assertThat(OgcCrs.parse("crs", "http://www.opengis.net/def/crs/EPSG/0/4490"))
                .isEqualTo(OgcCrs.EPSG_4490);
        assertThat(OgcCrs.parse("crs", "[EPSG:3857]")).isEqualTo(OgcCrs.EPSG_3857);
        assertThatThrownBy(() -> OgcCrs.parse("crs", "http://www.opengis.net/def/crs/0/unsupported"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aBboxAcrossTheAntimeridianIsTwoBoxesAndLatLonBoxesAreSwapped() {
        assertThat(ItemsRequest.boxes("177,65,-177,70", OgcCrs.CRS84))
                .containsExactly(new Bbox(177, 65, 180, 70), new Bbox(-180, 65, -177, 70));
        assertThat(ItemsRequest.boxes("39,106,40,107", OgcCrs.EPSG_4326)).containsExactly(new Bbox(106, 39, 107, 40));
        assertThat(ItemsRequest.boxes("100,30,0,110,40,5", OgcCrs.CRS84)).containsExactly(new Bbox(100, 30, 110, 40));
    }

    @Test
    void aStationFallsInExactlyTheTileItsIndexSays() {
        // Munich Marienplatz (48.1372, 11.5755) at zoom 10 is tile x=544, y=355 by the OSM wiki slippy-map formula,
        // worked by hand.
        assertThat((long) TileGrid.column(11.5755, 10)).isEqualTo(544);
        assertThat((long) TileGrid.row(48.1372, 10)).isEqualTo(355);
        for (int z : List.of(0, 5, 12, 22)) {
            assertThat(TileGrid.lng(TileGrid.column(116.4, z), z)).isCloseTo(116.4, offset(1e-9));
            assertThat(TileGrid.lat(TileGrid.row(39.9, z), z)).isCloseTo(39.9, offset(1e-9));
        }
    }
}
