package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reasons a row is refused: one key each, in the service bundle's namespaces for rows, opening
 * hours and station codes, each given somewhere, and never with more or fewer values than its
 * message names.
 */
class RowReasonTest {

    @Test
    void everyReasonHasAKeyOfItsOwn() {
        List<String> keys =
                Arrays.stream(RowReason.values()).map(RowReason::key).toList();
        assertThat(keys)
                .doesNotHaveDuplicates()
                .allMatch(k -> k.matches("import\\.row\\.[a-zA-Z.]+|(hours|station\\.code)\\.[a-zA-Z]+\\.detail"));
    }

    @Test
    void valuesMustBeAsManyAsTheMessageNames() {
        RowProblem p = new RowProblem(5, "纬度", RowReason.LAT_NOT_NUMBER, "abc");
        assertThat(p.key()).isEqualTo("import.row.lat.notNumber");
        assertThat(p.values()).containsExactly("abc");
        assertThatThrownBy(() -> new RowProblem(5, "纬度", RowReason.LAT_NOT_NUMBER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LAT_NOT_NUMBER");
        assertThatThrownBy(() -> new RowProblem(5, null, RowReason.EXAMPLE_ROW, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A reason no check gives is a message nobody reads; and no key is given past the enum. */
    @Test
    void everyReasonIsGivenSomewhereAndNoKeyLiteralBypassesTheEnum() throws IOException {
        StringBuilder sources = new StringBuilder();
        List<String> literals = new ArrayList<>();
        Pattern key = Pattern.compile("\"(import\\.row|hours|station\\.code)\\.[a-zA-Z.]*\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/yizhan/geo/exchange"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("RowReason.java"))
                    .toList()) {
                String source = Files.readString(file);
                sources.append(source);
                key.matcher(source).results().forEach(m -> literals.add(file.getFileName() + ": " + m.group()));
            }
        }
        List<RowReason> unused = new ArrayList<>();
        for (RowReason reason : RowReason.values()) {
            if (!sources.toString().contains("RowReason." + reason.name())) unused.add(reason);
        }
        assertThat(unused).isEmpty();
        assertThat(literals).isEmpty();
    }
}
