package org.yizhan.geo.route;

import java.util.List;
import org.yizhan.geo.MessageReason;

/**
 * A route that cannot be used, or an encoded polyline that cannot be read. Like an upload's
 * {@code FileReason}, it carries a {@link Reason}, whose key is one of the service's message bundle
 * ({@code key + ".detail"}), and the values that message names, not words: the service says it in
 * its caller's language. The message is the key and the values, for logs.
 */
public final class InvalidRouteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why, with the message key and the number of values it names. */
    public enum Reason implements MessageReason {
        /** Fewer than two distinct vertices. */
        TOO_FEW_POINTS("route.unusable.points", 0),
        /** Two consecutive vertices more than 180° of longitude apart. */
        ANTIMERIDIAN("route.unusable.antimeridian", 0),
        /** A polyline of more points than asked for: the limit (the key of a GeoJSON route's limit too). */
        TOO_MANY_POINTS("route.vertices", 1),
        /** A polyline that ends after a latitude. */
        POLYLINE_UNPAIRED("route.polyline.unpaired", 0),
        /** A polyline that ends inside a value. */
        POLYLINE_CUT_OFF("route.polyline.cutOff", 0),
        /** The 1-based position of a character outside the polyline alphabet. */
        POLYLINE_CHARACTER("route.polyline.character", 1),
        /** The 1-based position where a value of more than 35 bits ends. */
        POLYLINE_VALUE_TOO_LONG("route.polyline.valueTooLong", 1);

        private final String key;
        private final int arity;

        Reason(String key, int arity) {
            this.key = key;
            this.arity = arity;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public int arity() {
            return arity;
        }
    }

    private final Reason reason;
    private final List<Object> values;

    InvalidRouteException(Reason reason, Object... values) {
        super(reason.key() + " " + List.of(values));
        this.reason = reason;
        this.values = MessageReason.valuesOf(reason, reason.arity(), List.of(values));
    }

    public Reason reason() {
        return reason;
    }

    /** What the message names, as numbers. */
    public List<Object> values() {
        return values;
    }
}
