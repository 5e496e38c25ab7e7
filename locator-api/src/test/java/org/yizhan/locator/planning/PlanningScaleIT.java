package org.yizhan.locator.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.support.TestStations;

/**
 * A city's delivery demand: 100,000 points as CSV and as .xlsx pass the body limit, are stored and
 * labelled with their nearest station's district in seconds, and the time grows about linearly
 * from 10,000 points (a plan whose cost grows with the square of the set would take 100 times
 * as long, not 10). Labels are checked against a brute force in PostGIS on a sample.
 */
class PlanningScaleIT extends ApiIT {

    // Korla, Xinjiang: no other test puts stations here.
    private static final double LAT0 = 41.70, LNG0 = 86.10, SPAN = 0.5;
    private static final List<String> DISTRICTS = List.of("652801", "652822", "652823", "652824");

    @Test
    void aHundredThousandPointsAreLabelledInLinearTime() throws IOException {
        Random random = TestRandom.current();
        if (jdbc.sql("SELECT count(*) FROM station WHERE adcode = ANY(:a)")
                        .param("a", DISTRICTS.toArray(String[]::new))
                        .query(Integer.class)
                        .single()
                == 0) {
            for (int i = 0; i < 400; i++) {
                TestStations.insert(
                        jdbc,
                        TestStations.Spec.active(new LatLng(
                                        LAT0 + random.nextDouble() * SPAN, LNG0 + random.nextDouble() * SPAN))
                                .inDivision(DISTRICTS.get(random.nextInt(DISTRICTS.size()))));
            }
        }
        List<LatLng> small = points(random, 10_000), large = points(random, 100_000);
        upload(csv(small), "warm-up.csv");
        Upload tenK = upload(csv(small), "demand-10k.csv");
        Upload hundredK = upload(csv(large), "demand-100k.csv");
        Upload hundredKXlsx = upload(xlsx(large), "demand-100k.xlsx");
        System.out.printf(
                Locale.ROOT,
                "planning upload: 10k CSV %.2f s, 100k CSV %.2f s (%d bytes), 100k xlsx %.2f s (%d bytes)%n",
                tenK.seconds,
                hundredK.seconds,
                hundredK.bytes,
                hundredKXlsx.seconds,
                hundredKXlsx.bytes);

        assertThat(hundredK.bytes).as("far above the general 64 KiB body limit").isGreaterThan(2_000_000);
        assertThat(hundredK.seconds)
                .as("linear, not quadratic: 10x the points within 25x the time (seed %d)", TestRandom.SEED)
                .isLessThan(25 * Math.max(tenK.seconds, 0.5));
        assertThat(hundredKXlsx.seconds).isLessThan(25 * Math.max(tenK.seconds, 0.5));
        for (Upload u : List.of(hundredK, hundredKXlsx)) {
            assertThat(jdbc.sql("SELECT count(*) FROM demand_point WHERE set_id = :id AND label IS NOT NULL")
                            .param("id", u.id)
                            .query(Integer.class)
                            .single())
                    .as("every point labelled")
                    .isEqualTo(100_000);
            labelsMatchBruteForce(u.id, random);
        }
    }

    /** For a sample, the labelled district's nearest active station is as near as any active station (ellipsoid, PostGIS). */
    private void labelsMatchBruteForce(long setId, Random random) {
        List<Integer> sample = new ArrayList<>();
        for (int i = 0; i < 300; i++) sample.add(random.nextInt(100_000));
        sample.add(99_999); // the last points lie far out, where the first window cannot decide
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT d.seq, d.label, min(ST_Distance(s.location, d.location)) AS best,
                       min(ST_Distance(s.location, d.location)) FILTER (WHERE s.adcode = d.label) AS labelled
                  FROM demand_point d CROSS JOIN station s
                 WHERE d.set_id = :id AND d.seq = ANY(:sample) AND s.status = 'active'
                 GROUP BY d.seq, d.label""")
                .param("id", setId)
                .param("sample", sample.toArray(Integer[]::new))
                .query()
                .listOfRows();
        assertThat(rows).hasSize((int) sample.stream().distinct().count());
        for (Map<String, Object> row : rows) {
            assertThat(row.get("labelled"))
                    .as("seed %d, point %s labelled %s", TestRandom.SEED, row.get("seq"), row.get("label"))
                    .isNotNull();
            assertThat(((Number) row.get("labelled")).doubleValue())
                    .as("seed %d, point %s", TestRandom.SEED, row.get("seq"))
                    .isLessThanOrEqualTo(((Number) row.get("best")).doubleValue() + 0.001);
        }
    }

    /** Points over the stations' area; the last 1% a degree or two beyond it. */
    private static List<LatLng> points(Random random, int n) {
        List<LatLng> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double spread = i >= n - n / 100 ? 4 * SPAN : SPAN;
            double offset = i >= n - n / 100 ? -1.5 * SPAN : 0;
            out.add(new LatLng(
                    LAT0 + offset + random.nextDouble() * spread, LNG0 + offset + random.nextDouble() * spread));
        }
        return out;
    }

    private static byte[] csv(List<LatLng> points) {
        StringBuilder out = new StringBuilder("纬度,经度,权重\n");
        for (int i = 0; i < points.size(); i++) {
            out.append(String.format(
                    Locale.ROOT,
                    "%.6f,%.6f,%d%n",
                    points.get(i).lat(),
                    points.get(i).lng(),
                    1 + i % 7));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<LatLng> points) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet("需求点");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("纬度");
            header.createCell(1).setCellValue("经度");
            for (int i = 0; i < points.size(); i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(points.get(i).lat());
                row.createCell(1).setCellValue(points.get(i).lng());
            }
            book.write(file);
        }
        return file.toByteArray();
    }

    private record Upload(long id, double seconds, int bytes) {}

    private Upload upload(byte[] file, String name) {
        long start = System.nanoTime();
        long id = ((Number) asAdmin()
                        .multiPart("file", name, file)
                        .queryParam("kind", "demand")
                        .queryParam("region", "6528")
                        .post("/api/v1/planning/sets")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(200)
                        .extract()
                        .path("id"))
                .longValue();
        return new Upload(id, (System.nanoTime() - start) / 1e9, file.length);
    }
}
