package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How CSV files find their encoding, and how a file in neither encoding is refused. */
class TableRowsTest {

    private static final long SEED = 20261128L;

    @TempDir
    Path dir;

    /**
     * Files of several 64 KiB buffers of GBK text with one byte 0xFF (which starts no character in
     * UTF-8 or GB18030) on a random line: the refusal names that line, counted here independently
     * from the bytes written.
     */
    @Test
    void aByteInNeitherEncodingIsRefusedNamingItsLineAcrossBuffers() throws IOException {
        System.out.println("TableRowsTest seed " + SEED);
        Random random = new Random(SEED);
        for (int trial = 0; trial < 20; trial++) {
            int lines = 2_000 + random.nextInt(8_000);
            int bad = 1 + random.nextInt(lines);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int line = 1; line <= lines; line++) {
                out.writeBytes(("驿站" + line + ",39.6,106.8").getBytes(TableRows.GBK));
                if (line == bad) out.write(0xFF);
                out.write('\n');
            }
            Path file = write(out.toByteArray());

            assertThatThrownBy(() -> TableRows.csv(file))
                    .as("bad byte on line %d of %d (seed %d)", bad, lines, SEED)
                    .isInstanceOfSatisfying(
                            UndecodableTextException.class,
                            e -> assertThat(e.line()).isEqualTo(bad));
        }
    }

    /** A UTF-8 file with one stray byte fails as GB18030 early; the line named is the UTF-8 one. */
    @Test
    void aStrayByteInAUtf8FileIsNamedWhereUtf8Stops() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("名称,纬度\n海勃湾驿站,39.6\n乌达驿站,39.5\n".getBytes(StandardCharsets.UTF_8));
        out.write(0xFF);
        out.write('\n');
        Path file = write(out.toByteArray());
        assertThatThrownBy(() -> TableRows.csv(file)).isInstanceOfSatisfying(UndecodableTextException.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.reason()).isEqualTo(FileReason.CSV_ENCODING);
            assertThat(e.values()).containsExactly(4L);
        });
    }

    /** Two-byte GBK characters that straddle the 64 KiB buffer edge are still one character. */
    @Test
    void gbkCharactersAcrossTheBufferEdgeAreRead() throws IOException {
        StringBuilder text = new StringBuilder("名称,纬度\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; text.length() < 100_000; i++) {
            String name = "乌海市海勃湾区驿站" + i;
            names.add(name);
            text.append(name).append(",39.6\n");
        }
        Path file = write(text.toString().getBytes(TableRows.GBK));
        assertThat(TableRows.isUtf8(file)).isFalse();

        List<String> read = new ArrayList<>();
        try (TableRows rows = TableRows.csv(file)) {
            rows.next(); // header
            for (TableRows.Line line = rows.next(); line != null; line = rows.next())
                read.add(line.cells().get(0));
        }
        assertThat(read).isEqualTo(names);
    }

    @Test
    void aBadByteOnTheFirstLineOrAtTheVeryEndIsNamed() throws IOException {
        Path first = write(new byte[] {(byte) 0xFF, 'a', '\n', 'b', '\n'});
        assertThatThrownBy(() -> TableRows.csv(first))
                .isInstanceOfSatisfying(
                        UndecodableTextException.class,
                        e -> assertThat(e.line()).isEqualTo(1));
        // A lead byte of a two-byte GBK character with nothing after it, at the end of the file.
        byte[] cut = "a\nb\n名".getBytes(TableRows.GBK);
        Path end = write(java.util.Arrays.copyOf(cut, cut.length - 1));
        assertThatThrownBy(() -> TableRows.csv(end))
                .isInstanceOfSatisfying(
                        UndecodableTextException.class,
                        e -> assertThat(e.line()).isEqualTo(3));
        Path utf8 = write("a\nb,名\n".getBytes(StandardCharsets.UTF_8));
        try (TableRows rows = TableRows.csv(utf8)) {
            rows.next();
            assertThat(rows.next().cells()).containsExactly("b", "名");
        }
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "t-", ".csv");
        Files.write(file, bytes);
        return file;
    }

    /** A quote that is never closed: refused naming the line, not the parser's classes. */
    @Test
    void anUnclosedQuoteIsRefusedNamingItsLine() throws IOException {
        Path file = write("lat,lng\n39.1,106.1\n\"><img src=x>\n".getBytes(StandardCharsets.UTF_8));
        try (TableRows rows = TableRows.csv(file)) {
            rows.next();
            rows.next();
            assertThatThrownBy(rows::next).isInstanceOfSatisfying(RegisterFormatException.class, e -> {
                assertThat(e.reason()).isEqualTo(FileReason.CSV_MALFORMED);
                assertThat(e.values()).containsExactly(3L);
                assertThat(e.line()).isEqualTo(3);
            });
        }
    }
}
