package org.yizhan.geo.crs;

import java.util.List;
import org.yizhan.geo.MessageReason;

/**
 * A declared coordinate system the register cannot take, or a definition that cannot be read. It
 * carries a {@link Reason} and the values it names (a name as the file writes it, an EPSG code, a
 * position), not words: a reader of files says it in its caller's language (for uploads,
 * {@code org.yizhan.geo.exchange.FileReason}). The message is the reason and values, for logs.
 */
public final class UnsupportedCrsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why, and how many values each reason names, in the order given. */
    public enum Reason {
        /** An EPSG code other than 4326, 4490 and 4513–4554: the code. */
        EPSG(1),
        /** A coordinate system that is neither geographic nor projected: its name (and EPSG code, if any). */
        UNSUPPORTED(1),
        /** A datum other than WGS 84 and CGCS2000 (Xi'an 1980, Beijing 1954): the datum's name. */
        DATUM(1),
        /** A projected system without its geographic system: the projected system's name. */
        NO_GEOGRAPHIC(1),
        /**
         * A projected system that is no CGCS2000 3-degree Gauss–Krüger zone: its name, datum,
         * projection, central meridian and false easting.
         */
        PROJECTION(5),
        /** Text that is not WKT: the 1-based character where reading stopped. */
        NOT_WKT(1),
        /** A definition longer than the reader takes: the limit in characters. */
        TOO_LONG(1),
        /** A definition nested deeper than the reader follows. */
        TOO_DEEP(0);

        private final int arity;

        Reason(int arity) {
            this.arity = arity;
        }

        /** How many values the reason names. */
        public int arity() {
            return arity;
        }
    }

    private final Reason reason;
    private final List<Object> values;

    UnsupportedCrsException(Reason reason, Object... values) {
        super(reason + " " + List.of(values));
        this.reason = reason;
        this.values = MessageReason.valuesOf(reason, reason.arity(), List.of(values));
    }

    public Reason reason() {
        return reason;
    }

    /** What the reason names, as strings and numbers. */
    public List<Object> values() {
        return values;
    }
}
