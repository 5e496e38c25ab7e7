package org.yizhan.locator.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.osm.GeneratedCity;
import org.yizhan.geo.osm.OsmXml;

/**
 * The generated 10 × 10 test city, written as OSM XML. It lies in remote western Yunnan, where
 * no other test puts stations, so nearest searches there see only its stations.
 *
 * <p>Hand-checkable layout (streets 200 m apart, corners shifted by at most 3 m): south bank rows
 * 0-4 (y 0-800 m), river, north bank rows 5-9 (y 1,100-1,900 m); bridges at columns 1 and 9; an
 * expressway between columns 5 and 6 on the south bank, passed under only on row 2; a gated
 * compound over columns 2-5, rows 6-8, whose inner streets are private.
 */
public final class TestCity {

    public static final LatLng ORIGIN = new LatLng(27.90, 98.90);
    public static final long SEED = 20261126;

    private TestCity() {}

    public static GeneratedCity city() {
        return GeneratedCity.generate(GeneratedCity.Layout.small(ORIGIN), SEED);
    }

    /** Writes the city to {@code dir}/city.osm and returns the file. */
    public static Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("city.osm");
            try (OutputStream out = Files.newOutputStream(file)) {
                OsmXml.write(city(), out);
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
