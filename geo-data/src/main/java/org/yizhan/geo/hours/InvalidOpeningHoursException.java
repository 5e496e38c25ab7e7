package org.yizhan.geo.hours;

/**
 * An opening_hours value that cannot be stored: blank, too long, not OSM syntax, or OSM syntax that
 * {@link OpeningHours} cannot evaluate. The message is written for the union clerk who typed the value.
 */
public final class InvalidOpeningHoursException extends IllegalArgumentException {

    /** Why the value was refused; lets an API map the refusal to a problem type without parsing the message. */
    public enum Reason {
        BLANK,
        TOO_LONG,
        SYNTAX,
        UNSUPPORTED
    }

    private final String value;
    private final Reason reason;
    private final int column;

    InvalidOpeningHoursException(String value, Reason reason, int column, String message) {
        super(message);
        this.value = value;
        this.reason = reason;
        this.column = column;
    }

    /** The refused value as given. */
    public String value() {
        return value;
    }

    public Reason reason() {
        return reason;
    }

    /** 1-based column the parser reported for a syntax error, or -1 when it reported none. */
    public int column() {
        return column;
    }
}
