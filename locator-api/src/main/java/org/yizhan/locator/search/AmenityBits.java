package org.yizhan.locator.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yizhan.locator.amenity.Amenity;
import org.yizhan.locator.amenity.AmenityVocabulary;

/** Amenity keys as bits of a long, so "has all of these" is one AND per station. */
@Component
class AmenityBits {

    static final int MAX = 64;

    private final Map<String, Integer> bitOf = new HashMap<>();
    private final String[] keys;
    private final byte[][] keyBytes;

    @Autowired
    AmenityBits(AmenityVocabulary vocabulary) {
        this(vocabulary.all().stream().map(Amenity::key).toList());
    }

    /** Bit i for the i-th key. */
    AmenityBits(List<String> keys) {
        if (keys.size() > MAX) throw new IllegalStateException("more than " + MAX + " amenities; widen AmenityBits");
        for (int i = 0; i < keys.size(); i++) bitOf.put(keys.get(i), i);
        this.keys = keys.toArray(String[]::new);
        this.keyBytes = new byte[this.keys.length][];
        for (int i = 0; i < this.keys.length; i++)
            keyBytes[i] = this.keys[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every key, in bit order. */
    List<String> keys() {
        return List.of(keys);
    }

    /** The keys of the set bits, in bit (vocabulary) order. */
    List<String> keysOf(long bits) {
        String[] out = new String[Long.bitCount(bits)];
        int k = 0;
        while (bits != 0) {
            out[k++] = keys[Long.numberOfTrailingZeros(bits)];
            bits &= bits - 1;
        }
        return List.of(out);
    }

    /** The bit of the UTF-8 key in {@code buf[off, off + len)}, or -1 if it is not a known key. */
    int bit(byte[] buf, int off, int len) {
        for (int i = 0; i < keyBytes.length; i++) {
            byte[] k = keyBytes[i];
            if (k.length == len && java.util.Arrays.equals(k, 0, len, buf, off, off + len)) return i;
        }
        return -1;
    }

    long of(List<String> keys) {
        long bits = 0;
        for (String key : keys) {
            Integer bit = bitOf.get(key);
            if (bit != null) bits |= 1L << bit;
        }
        return bits;
    }

    boolean knowsAll(List<String> keys) {
        for (String key : keys) if (!bitOf.containsKey(key)) return false;
        return true;
    }

    int bit(String key) {
        Integer bit = bitOf.get(key);
        if (bit == null) throw new IllegalArgumentException("unknown amenity " + key);
        return bit;
    }
}
