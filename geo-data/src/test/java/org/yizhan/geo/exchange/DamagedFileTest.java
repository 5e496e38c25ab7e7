package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every importable format, damaged at random: bytes flipped or set to 0xFF, the file cut short,
 * junk inserted, a stretch repeated. Reading a damaged file may succeed (rows, with or without row
 * problems) or refuse it with a {@link RegisterFormatException}, which the service turns into a
 * 400 naming the file; any other exception would be a 500 for a user's upload. Seeded; the seed
 * and each failing damage are printed.
 */
class DamagedFileTest {

    private static final long SEED = Long.getLong("damaged.seed", 20261127L);
    private static final int DAMAGES_PER_FILE = Integer.getInteger("damaged.count", 60);

    @TempDir
    Path dir;

    private record Fixture(String name, RegisterFormat format) {}

    private static final List<Fixture> FIXTURES = List.of(
            new Fixture("register-utf8-bom.csv", RegisterFormat.CSV),
            new Fixture("register-gbk.csv", RegisterFormat.CSV),
            new Fixture("register.xlsx", RegisterFormat.XLSX),
            new Fixture("register.geojson", RegisterFormat.GEOJSON),
            new Fixture("gis/wuhai-stations.geojson", RegisterFormat.GEOJSON),
            new Fixture("gis/wuhai-cgcs2000.zip", RegisterFormat.SHAPEFILE),
            new Fixture("gis/wuhai-gk35-gbk.zip", RegisterFormat.SHAPEFILE),
            new Fixture("gis/wuhai-cm105-utf8.zip", RegisterFormat.SHAPEFILE),
            new Fixture("gis/wuhai-gk35.gpkg", RegisterFormat.GEOPACKAGE));

    @Test
    void aDamagedFileIsReadOrRefusedAsAFileProblemNeverAnythingElse() throws IOException {
        System.out.println("DamagedFileTest seed " + SEED + " (replay with -Ddamaged.seed=" + SEED + ")");
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int read = 0, refused = 0;
        for (Fixture fixture : FIXTURES) {
            byte[] original = Files.readAllBytes(RegisterImportTest.fixture(fixture.name()));
            for (int i = 0; i < DAMAGES_PER_FILE; i++) {
                StringBuilder what = new StringBuilder();
                byte[] damaged = damage(original, random, what);
                Path file = dir.resolve("damaged-" + i + "." + fixture.format().extension());
                Files.write(file, damaged);
                try (RegisterImport in = RegisterImport.open(file, fixture.format(), ImportOptions.defaults())) {
                    in.rows().forEach(row -> {});
                    read++;
                } catch (RegisterFormatException e) {
                    refused++;
                } catch (Exception | StackOverflowError e) {
                    failures.add(fixture.name() + " " + what + ": " + e + " at " + whereInOurCode(e));
                }
            }
        }
        System.out.println("DamagedFileTest: " + read + " damaged files read, " + refused + " refused");
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(refused).as("the damage is real: some files are refused").isPositive();
    }

    /**
     * A cell reference past Excel's last column (XFD), or with no column at all: taken at its word,
     * "AAAAAAA3" asked for 321 million cells of one row.
     */
    @Test
    void aCellBeyondExcelsLastColumnIsRefusedNamingItsRow() throws IOException {
        for (String ref : List.of("AAAAAAA3", "XFE3", "3", "中3")) {
            Path file = dir.resolve("ref.xlsx");
            Files.write(file, withSheetXml(sheet -> sheet.replace("r=\"B3\"", "r=\"" + ref + "\"")));
            try (RegisterImport in = RegisterImport.open(file, RegisterFormat.XLSX, ImportOptions.defaults())) {
                assertThatThrownBy(() -> in.rows().forEach(row -> {}))
                        .as(ref)
                        .isInstanceOfSatisfying(RegisterFormatException.class, e -> {
                            assertThat(e.reason()).isEqualTo(FileReason.XLSX_BAD_COLUMN);
                            assertThat(e.key()).isEqualTo("file.xlsx.badColumn");
                            assertThat(e.values()).containsExactly(3, ref);
                        });
            }
        }
        Path lowerCase = dir.resolve("lower.xlsx");
        Files.write(lowerCase, withSheetXml(sheet -> sheet.replace("r=\"B3\"", "r=\"b3\"")));
        assertThat(RegisterImportTest.readAll(lowerCase, RegisterFormat.XLSX))
                .isEqualTo(
                        RegisterImportTest.readAll(RegisterImportTest.fixture("register.xlsx"), RegisterFormat.XLSX));
    }

    /** The fixture workbook with its first sheet's XML changed by {@code edit}. */
    private static byte[] withSheetXml(UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(RegisterImportTest.fixture("register.xlsx")));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    String edited = edit.apply(xml);
                    assertThat(edited).as("the edit applies").isNotEqualTo(xml);
                    bytes = edited.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The innermost frame of our own code the exception passed through: where to catch it. */
    private static String whereInOurCode(Throwable e) {
        return Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().startsWith("org.yizhan."))
                .findFirst()
                .map(StackTraceElement::toString)
                .orElse("?");
    }

    /** One to three random damages, described in {@code what}. */
    private static byte[] damage(byte[] original, Random random, StringBuilder what) {
        byte[] bytes = original.clone();
        int damages = 1 + random.nextInt(3);
        for (int d = 0; d < damages && bytes.length > 1; d++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    what.append(" flip@").append(at);
                }
                case 1 -> {
                    bytes[at] = (byte) 0xFF;
                    what.append(" ff@").append(at);
                }
                case 2 -> {
                    bytes = Arrays.copyOf(bytes, Math.max(1, at));
                    what.append(" cut@").append(at);
                }
                case 3 -> {
                    byte[] junk = new byte[1 + random.nextInt(16)];
                    random.nextBytes(junk);
                    byte[] longer = new byte[bytes.length + junk.length];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    System.arraycopy(junk, 0, longer, at, junk.length);
                    System.arraycopy(bytes, at, longer, at + junk.length, bytes.length - at);
                    bytes = longer;
                    what.append(" junk").append(junk.length).append("@").append(at);
                }
                default -> {
                    int length = Math.min(1 + random.nextInt(64), bytes.length - at);
                    byte[] longer = new byte[bytes.length + length];
                    System.arraycopy(bytes, 0, longer, 0, at + length);
                    System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
                    bytes = longer;
                    what.append(" repeat").append(length).append("@").append(at);
                }
            }
        }
        return bytes;
    }
}
