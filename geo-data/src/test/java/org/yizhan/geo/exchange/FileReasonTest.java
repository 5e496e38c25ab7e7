package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.crs.UnsupportedCrsException;

/**
 * The reasons a file is refused: one key each, in the service bundle's {@code file.*} namespace,
 * each thrown somewhere, and never with more or fewer values than its message names.
 */
class FileReasonTest {

    @Test
    void everyReasonHasAKeyOfItsOwnUnderFile() {
        List<String> keys =
                Arrays.stream(FileReason.values()).map(FileReason::key).toList();
        assertThat(keys).doesNotHaveDuplicates().allMatch(k -> k.matches("file\\.[a-z]+\\.[a-zA-Z]+"));
    }

    @Test
    void aCoordinateSystemRefusalNamesTheLayerFirst() {
        for (UnsupportedCrsException.Reason crs : UnsupportedCrsException.Reason.values()) {
            assertThat(FileReason.of(crs).arity()).as(crs.name()).isEqualTo(crs.arity() + 1);
            assertThat(FileReason.of(crs).name()).as(crs.name()).startsWith("CRS_");
        }
    }

    @Test
    void valuesMustBeAsManyAsTheMessageNames() {
        RegisterFormatException e = new RegisterFormatException(FileReason.XLSX_BAD_COLUMN, 3, "AAAAAAA3");
        assertThat(e.key()).isEqualTo("file.xlsx.badColumn");
        assertThat(e.values()).containsExactly(3, "AAAAAAA3");
        assertThat(e.line()).isZero();
        assertThat(e.getMessage()).isEqualTo("file.xlsx.badColumn [3, AAAAAAA3]");
        assertThatThrownBy(() -> new RegisterFormatException(FileReason.XLSX_BAD_COLUMN, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XLSX_BAD_COLUMN");
    }

    @Test
    void aParsersDiagnosticIsOneShortLine() {
        assertThat(RegisterFormatException.diagnostic(new java.util.zip.ZipException("zip END header not found")))
                .isEqualTo("zip END header not found");
        assertThat(RegisterFormatException.diagnostic(new java.io.EOFException()))
                .isEqualTo("EOFException");
        assertThat(RegisterFormatException.diagnostic(new IllegalStateException("a\n  b " + "x".repeat(500))))
                .startsWith("a b x")
                .hasSize(201)
                .endsWith("…");
        assertThat(RegisterFormatException.rootDiagnostic(new RuntimeException(
                        "wrapper", new IllegalStateException("[SQLITE_NOTADB] not a database\nSQL"))))
                .isEqualTo("[SQLITE_NOTADB] not a database");
    }

    /** A reason no reader throws is a message nobody reads; the coordinate-system ones come by {@link FileReason#of}. */
    @Test
    void everyReasonIsThrownSomewhere() throws IOException {
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/yizhan/geo/exchange"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("FileReason.java"))
                    .toList()) {
                sources.append(Files.readString(file));
            }
        }
        List<FileReason> unused = new ArrayList<>();
        for (FileReason reason : FileReason.values()) {
            if (!reason.name().startsWith("CRS_") && !sources.toString().contains("FileReason." + reason.name()))
                unused.add(reason);
        }
        assertThat(unused).isEmpty();
    }
}
