package org.yizhan.geo.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed WKT node, {@code KEYWORD["name", value, NODE[...], ...]}: enough of the grammar for
 * {@code .prj} files (OGC and ESRI WKT 1) and GeoPackage definitions. Length and nesting are bounded,
 * as the text comes from uploaded files.
 */
record Wkt(String keyword, List<Object> values) {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_LENGTH = 64 * 1024;

    static Wkt parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new UnsupportedCrsException(UnsupportedCrsException.Reason.TOO_LONG, MAX_LENGTH);
        }
        Parser p = new Parser(text.strip());
        Wkt node = p.node(0);
        p.skipSpace();
        if (p.pos != p.text.length()) {
            throw p.error();
        }
        return node;
    }

    String name() {
        return values.isEmpty() || !(values.get(0) instanceof String s) ? "" : s;
    }

    double number(int index) {
        int i = 0;
        for (Object v : values) {
            if (v instanceof Double d && i++ == index) {
                return d;
            }
        }
        return Double.NaN;
    }

    Optional<Wkt> child(String kw) {
        return values.stream()
                .filter(v -> v instanceof Wkt w && w.keyword.equals(kw))
                .map(Wkt.class::cast)
                .findFirst();
    }

    /** This node's own AUTHORITY["EPSG", code] (WKT 1) or ID["EPSG", code] (WKT 2). */
    Optional<Integer> epsg() {
        for (Object v : values) {
            if (v instanceof Wkt w
                    && (w.keyword.equals("AUTHORITY") || w.keyword.equals("ID"))
                    && w.name().equalsIgnoreCase("EPSG")
                    && w.values.size() > 1) {
                Object code = w.values.get(1);
                try {
                    return Optional.of(
                            code instanceof Double d
                                    ? (int) (double) d
                                    : Integer.parseInt(String.valueOf(code).strip()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    Optional<Double> parameter(String... names) {
        for (Object v : values) {
            if (v instanceof Wkt w && w.keyword.equals("PARAMETER")) {
                for (String n : names) {
                    if (normalise(w.name()).equals(normalise(n))) {
                        return Optional.of(w.number(0));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static final class Parser {
        final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        Wkt node(int depth) {
            if (depth > MAX_DEPTH) {
                throw new UnsupportedCrsException(UnsupportedCrsException.Reason.TOO_DEEP);
            }
            skipSpace();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error();
            }
            String keyword = text.substring(start, pos).toUpperCase(Locale.ROOT);
            skipSpace();
            char open = pos < text.length() ? text.charAt(pos) : ' ';
            if (open != '[' && open != '(') {
                return new Wkt(keyword, List.of()); // an enumeration value such as NORTH
            }
            char close = open == '[' ? ']' : ')';
            pos++;
            List<Object> values = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= text.length()) {
                    throw error();
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    values.add(string());
                } else if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    values.add(number());
                } else {
                    values.add(node(depth + 1));
                }
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == close) {
                    pos++;
                    return new Wkt(keyword, values);
                } else {
                    throw error();
                }
            }
        }

        String string() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        b.append('"'); // WKT escapes a quote by doubling it
                        pos++;
                    } else {
                        return b.toString();
                    }
                } else {
                    b.append(c);
                }
            }
            throw error();
        }

        Double number() {
            int start = pos;
            while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return Double.parseDouble(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error();
            }
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        UnsupportedCrsException error() {
            return new UnsupportedCrsException(UnsupportedCrsException.Reason.NOT_WKT, pos + 1);
        }
    }
}
