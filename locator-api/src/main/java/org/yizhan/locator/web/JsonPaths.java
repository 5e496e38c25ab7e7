package org.yizhan.locator.web;

import java.util.List;
import tools.jackson.databind.DatabindException;

/** Turns a Jackson reference path into the dotted field name callers wrote, e.g. {@code location.lat}. */
final class JsonPaths {

    private JsonPaths() {}

    static String describe(List<DatabindException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (DatabindException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) out.append('.');
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
