package org.yizhan.geo;

import java.util.List;

/**
 * Why the library refuses something, as a service says it in its caller's language: a message key
 * of the service's bundle and how many values the message names ({@code {0}} to
 * {@code {arity - 1}}). The library carries reasons and values, never words: row problems
 * ({@code RowReason}), unreadable files ({@code FileReason}), unusable routes, what a conversion
 * of opening hours left out.
 */
public interface MessageReason {

    /** The message key, as it stands in the service's bundle. */
    String key();

    /** How many values the message names. */
    int arity();

    /**
     * {@code values} as an unmodifiable list, when they are as many as {@code reason} names.
     *
     * @throws IllegalArgumentException otherwise: the message would show a bare placeholder, or
     *     drop a value
     */
    static List<Object> valuesOf(Object reason, int arity, List<?> values) {
        if (values.size() != arity) {
            throw new IllegalArgumentException(reason + " names " + arity + " values, got " + values.size());
        }
        return List.copyOf(values);
    }
}
