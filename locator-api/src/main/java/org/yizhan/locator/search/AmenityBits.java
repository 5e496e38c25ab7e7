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

    @Autowired
    AmenityBits(AmenityVocabulary vocabulary) {
        this(vocabulary.all().stream().map(Amenity::key).toList());
    }

    /** Bit i for the i-th key. */
    AmenityBits(List<String> keys) {
        if (keys.size() > MAX) throw new IllegalStateException("more than " + MAX + " amenities; widen AmenityBits");
        for (int i = 0; i < keys.size(); i++) bitOf.put(keys.get(i), i);
    }

    long of(List<String> keys) {
        long bits = 0;
        for (String key : keys) {
            Integer bit = bitOf.get(key);
            if (bit != null) bits |= 1L << bit;
        }
        return bits;
    }

    int bit(String key) {
        Integer bit = bitOf.get(key);
        if (bit == null) throw new IllegalArgumentException("unknown amenity " + key);
        return bit;
    }
}
