package org.yizhan.geo.code;

/**
 * Thrown when text cannot be read as a station code. {@link #reason()} lets callers tell a typo
 * caught by the check character from input that is not a code at all.
 */
public class InvalidStationCodeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the input was rejected. */
    public enum Reason {
        /** Not shaped like a code: wrong length, characters, separators, or out-of-range parts. */
        MALFORMED,
        /** Shaped like a code, but the check character does not match: almost always a typo. */
        WRONG_CHECK_CHARACTER
    }

    private final Reason reason;

    public InvalidStationCodeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
