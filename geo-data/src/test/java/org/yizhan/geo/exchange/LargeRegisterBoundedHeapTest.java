package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.station.StationRecord;

/**
 * 100,000-row registers through export and import. geo-data's pom runs this class alone in a JVM
 * with {@code -Xmx256m}, so running out of memory fails it; the numbers are printed for the record.
 */
class LargeRegisterBoundedHeapTest {

    private static final int ROWS = 100_000;
    private static final String[] COUNTIES = {"150302", "150303", "150304"};

    @TempDir
    Path dir;

    static StationRecord station(int i) {
        String adcode = COUNTIES[i % COUNTIES.length];
        double lat = 39.40 + (i % 1000) * 0.0003;
        double lng = 106.70 + (i / 1000) * 0.002;
        List<String> amenities = StationRecord.AMENITIES.subList(i % 5, i % 5 + 1 + i % 7);
        return new StationRecord(
                StationCode.of(adcode, i / COUNTIES.length + 1).value(),
                "第" + i + "号爱心驿站",
                null,
                "内蒙古自治区乌海市某街" + i + "号",
                lat,
                lng,
                adcode,
                i % 2 == 0 ? "self_built" : "co_built",
                "依托单位" + (i % 1000),
                "负责人" + (i % 500),
                String.format(Locale.ROOT, "139%08d", i),
                i % 3 == 0 ? "24/7" : "Mo-Su 08:00-20:00",
                amenities,
                "active",
                i % 4 == 0 ? null : 20.0 + i % 30);
    }

    @Test
    void ourOwnXlsxExportOf100kRowsImportsBack() throws IOException {
        Path file = dir.resolve("big.xlsx");
        long t0 = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            RegisterExport.xlsx(
                    IntStream.range(0, ROWS).mapToObj(LargeRegisterBoundedHeapTest::station),
                    ExportOptions.register(),
                    out);
        }
        long exportMs = (System.nanoTime() - t0) / 1_000_000;

        Measured m = importAll(file);

        assertThat(m.valid).isEqualTo(ROWS);
        assertThat(m.last).isEqualTo(station(ROWS - 1));
        report("SXSSF export (inline strings)", file, m, "export " + exportMs + " ms");
    }

    @Test
    void excelStyleSharedStringsWorkbookOf100kRowsImports() throws IOException {
        Path file = dir.resolve("excel.xlsx");
        TabularLayout layout = new TabularLayout(ExportOptions.register());
        ExcelStyleXlsx.write(file, layout.header(), ROWS, i -> {
            List<Object> cells = new ArrayList<>();
            for (Object cell : layout.row(station(i))) {
                cells.add(cell == null ? "" : cell);
            }
            return cells;
        });

        Measured m = importAll(file);

        assertThat(m.valid).isEqualTo(ROWS);
        assertThat(m.last).isEqualTo(station(ROWS - 1));
        report("Excel-style shared strings", file, m, "");
    }

    private record Measured(int valid, StationRecord last, long millis, long peakHeapBytes) {}

    private static Measured importAll(Path file) throws IOException {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        int[] valid = {0};
        StationRecord[] last = {null};
        try (RegisterImport in = RegisterImport.open(file, RegisterFormat.XLSX, ImportOptions.defaults());
                Stream<ImportRow> rows = in.rows()) {
            rows.forEach(r -> {
                if (r.isValid()) {
                    valid[0]++;
                    last[0] = r.record();
                }
            });
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long peak = heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured(valid[0], last[0], millis, peak);
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }

    private static void report(String what, Path file, Measured m, String extra) throws IOException {
        System.out.printf(
                Locale.ROOT,
                "[100k import] %s: %,d bytes, import %d ms, peak heap (sum of pool peaks) %d MB,"
                        + " max heap %d MB %s%n",
                what,
                Files.size(file),
                m.millis,
                m.peakHeapBytes >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                extra);
    }
}
