package org.yizhan.geo.exchange;

/**
 * A file that cannot be imported at all: not the format it claims, no header row, or required
 * columns missing. Row-level trouble is reported as {@link RowProblem}s instead.
 */
public class RegisterFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegisterFormatException(String message) {
        super(message);
    }

    public RegisterFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
