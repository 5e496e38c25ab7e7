package org.yizhan.geo.exchange;

import org.jspecify.annotations.Nullable;

/**
 * A file that cannot be imported at all: not the format it claims, no header row, or required
 * columns missing. Row-level trouble is reported as {@link RowProblem}s instead.
 */
public class RegisterFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The line near which a text file stops being readable, or 0 when no line applies. */
    private final long line;

    public RegisterFormatException(String message) {
        this(message, 0, null);
    }

    public RegisterFormatException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public RegisterFormatException(String message, long line, @Nullable Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** The line near which the file stops being readable (1-based), or 0 when no line applies. */
    public long line() {
        return line;
    }
}
