package org.yizhan.geo.exchange;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.MessageReason;
import org.yizhan.geo.crs.UnsupportedCrsException;

/**
 * A file that cannot be imported at all: not the format it claims, damaged, no header row, or
 * required columns missing. Row-level trouble is reported as {@link RowProblem}s instead.
 *
 * <p>Like a row problem it carries no words: a {@link FileReason} and the values its message
 * names, which the service puts into its caller's language. The message ({@link #getMessage()})
 * is the key and the values, for logs.
 */
public class RegisterFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The longest diagnostic of a parser passed on as a value; the rest is cut off. */
    private static final int MAX_DIAGNOSTIC = 200;

    private final FileReason reason;
    private final List<Object> values;

    /** The line near which a text file stops being readable, or 0 when no line applies. */
    private final long line;

    public RegisterFormatException(FileReason reason, Object... values) {
        this(reason, List.of(values), 0, null);
    }

    public RegisterFormatException(FileReason reason, @Nullable Throwable cause, Object... values) {
        this(reason, List.of(values), 0, cause);
    }

    /**
     * @throws IllegalArgumentException if {@code values} are not as many as the reason names: a
     *     message would show a bare placeholder
     */
    RegisterFormatException(FileReason reason, List<Object> values, long line, @Nullable Throwable cause) {
        super(reason.key() + " " + values, cause);
        this.reason = reason;
        this.values = MessageReason.valuesOf(reason, reason.arity(), values);
        this.line = line;
    }

    /** A text file's {@code reason} whose one value is {@code line}, near which the file stops being readable. */
    static RegisterFormatException atLine(FileReason reason, long line, @Nullable Throwable cause) {
        return new RegisterFormatException(reason, List.of(line), line, cause);
    }

    /** A coordinate system refused by {@code DeclaredCrs}, said of {@code layer}. */
    static RegisterFormatException crs(String layer, UnsupportedCrsException e) {
        List<Object> values = new ArrayList<>();
        values.add(layer);
        values.addAll(e.values());
        return new RegisterFormatException(FileReason.of(e.reason()), e, values.toArray());
    }

    public FileReason reason() {
        return reason;
    }

    /** The message key of {@link #reason()}, e.g. {@code file.xlsx.badColumn}. */
    public String key() {
        return reason.key();
    }

    /** What the message names ({@code {n}} is {@code values().get(n)}), as strings and numbers. */
    public List<Object> values() {
        return values;
    }

    /** The line near which the file stops being readable (1-based), or 0 when no line applies. */
    public long line() {
        return line;
    }

    /**
     * A parser's own account of what it met, to pass on as a value: {@code e}'s message on one line,
     * at most 200 characters, or the name of its class when it has none.
     */
    static String diagnostic(Throwable e) {
        return diagnostic(e.getMessage(), e);
    }

    /**
     * The {@link #diagnostic} of the innermost cause, its first line only: a wrapping library says
     * less than SQLite, whose messages go on with the statement that failed.
     */
    static String rootDiagnostic(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return diagnostic(m == null ? null : m.lines().findFirst().orElse(m), t);
    }

    /** {@code message} as a {@link #diagnostic}, or the name of {@code of}'s class when there is none. */
    static String diagnostic(@Nullable String message, Throwable of) {
        if (message == null || message.isBlank()) {
            return of.getClass().getSimpleName();
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_DIAGNOSTIC ? line : line.substring(0, MAX_DIAGNOSTIC) + "…";
    }
}
