package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.TestRandom;

/**
 * A weak ETag names the bytes: equal bytes give the same validator (on every instance), and any
 * change gives another — every single flipped bit of an answer, a byte more or less, and zeros
 * appended (which some checksums alone would not see without the length).
 */
class WeakEtagTest {

    private final Random random = TestRandom.current();

    @Test
    void equalBytesShareAValidatorAndEveryChangeGetsAnother() {
        byte[] answer = new byte[2_000 + random.nextInt(40_000)];
        random.nextBytes(answer);
        String etag = HttpCaching.weakEtag(answer);
        assertThat(etag).matches("W/\"[0-9a-f]{17,24}\"");
        assertThat(HttpCaching.weakEtag(answer.clone())).isEqualTo(etag);

        Set<String> seen = new HashSet<>(Set.of(etag));
        Set<Integer> flipped = new HashSet<>();
        while (flipped.size() < 2_000) {
            int bit = random.nextInt(answer.length * 8);
            if (!flipped.add(bit)) continue;
            byte[] changed = answer.clone();
            int at = bit / 8;
            changed[at] ^= (byte) (1 << bit % 8);
            assertThat(seen.add(HttpCaching.weakEtag(changed)))
                    .as("seed %d: a flipped bit at %d", TestRandom.SEED, at)
                    .isTrue();
        }
        assertThat(HttpCaching.weakEtag(Arrays.copyOf(answer, answer.length + 1)))
                .isNotEqualTo(etag);
        assertThat(HttpCaching.weakEtag(Arrays.copyOf(answer, answer.length - 1)))
                .isNotEqualTo(etag);
        assertThat(HttpCaching.weakEtag(new byte[0])).isNotEqualTo(HttpCaching.weakEtag(new byte[4]));
    }
}
