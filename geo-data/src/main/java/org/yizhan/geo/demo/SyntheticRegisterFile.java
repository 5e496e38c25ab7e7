package org.yizhan.geo.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.division.DivisionBoundaries;
import org.yizhan.geo.exchange.ExportOptions;
import org.yizhan.geo.exchange.RegisterExport;
import org.yizhan.geo.station.StationRecord;

/**
 * The synthetic stations of {@link SyntheticStations} as a union would upload them: the register
 * template's Chinese columns, as CSV or {@code .xlsx}, without codes (new stations), so an import
 * into an empty register creates every row. Stations whose point lies outside their division's
 * boundary (the synthetic background ones take the county of the nearest city) are left out, as
 * the import would refuse them. For the import benchmark (scripts/bench.sh).
 *
 * <p>Usage: {@code SyntheticRegisterFile count output.csv|output.xlsx}.
 */
public final class SyntheticRegisterFile {

    private SyntheticRegisterFile() {}

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long start = System.nanoTime();
        DivisionBoundaries boundaries = DivisionBoundaries.standard();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                Stream<StationRecord> stations = SyntheticStations.generate(42, 2 * count)
                        .filter(r -> boundaries
                                .check(r.adcode(), new LatLng(r.lat(), r.lng()))
                                .acceptable(DivisionBoundaries.DEFAULT_TOLERANCE_METRES))
                        .limit(count)
                        .map(r -> r.withCode(null))) {
            if (out.toString().endsWith(".xlsx")) RegisterExport.xlsx(stations, ExportOptions.register(), file);
            else RegisterExport.csv(stations, ExportOptions.register(), file);
        }
        System.out.printf("wrote %,d rows to %s in %.1f s%n", count, out, (System.nanoTime() - start) / 1e9);
    }
}
