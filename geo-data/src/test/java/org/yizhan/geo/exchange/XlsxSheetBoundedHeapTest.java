package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming sheet reader that planning uploads use: 200,000 rows of four cells (800,000
 * cells; POI's DOM workbook would need several hundred MB for them) read in a JVM with
 * {@code -Xmx256m} (geo-data's pom runs *BoundedHeapTest so), every value as written.
 */
class XlsxSheetBoundedHeapTest {

    private static final int ROWS = 200_000;

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandRowsStreamThroughASmallHeap() throws IOException {
        long seed = Long.getLong("yizhan.test.seed", 20261126L);
        Random random = new Random(seed);
        Path file = dir.resolve("points.xlsx");
        double latSum = 0;
        long weightSum = 0;
        try (SXSSFWorkbook book = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("points");
            Row header = sheet.createRow(0);
            List<String> names = List.of("纬度", "经度", "权重", "区县");
            for (int i = 0; i < names.size(); i++) {
                header.createCell(i).setCellValue(names.get(i));
            }
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                double lat = 39.6 + random.nextInt(120_000) / 1e6;
                int weight = 1 + random.nextInt(50);
                latSum += lat;
                weightSum += weight;
                row.createCell(0).setCellValue(lat);
                row.createCell(1).setCellValue(106.8 + random.nextInt(150_000) / 1e6);
                row.createCell(2).setCellValue(weight);
                row.createCell(3).setCellValue("150302");
            }
            book.write(out);
        }

        Runtime runtime = Runtime.getRuntime();
        double readLat = 0;
        long readWeight = 0;
        int rows = 0;
        try (XlsxSheet sheet = new XlsxSheet(file)) {
            assertThat(sheet.nextRow()).containsExactly("纬度", "经度", "权重", "区县");
            for (List<String> row; (row = sheet.nextRow()) != null; ) {
                rows++;
                assertThat(sheet.rowNumber()).isEqualTo(rows + 1);
                readLat += Double.parseDouble(row.get(0));
                readWeight += Long.parseLong(row.get(2));
                assertThat(row.get(3)).isEqualTo("150302");
            }
        }
        System.out.printf(
                "read %,d rows (%,d bytes) with -Xmx%d MB, %d MB in use after%n",
                rows,
                Files.size(file),
                runtime.maxMemory() >> 20,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        assertThat(rows).as("seed %d", seed).isEqualTo(ROWS);
        assertThat(readWeight).as("seed %d", seed).isEqualTo(weightSum);
        assertThat(readLat).as("seed %d", seed).isCloseTo(latSum, org.assertj.core.data.Offset.offset(1e-6));
    }
}
