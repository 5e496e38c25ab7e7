package org.yizhan.geo.planning;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Picks the candidate with the largest current key from a heap of possibly stale keys (CELF).
 * Keys only fall while sites are added, so a popped entry whose key is still current beats every
 * other candidate; a stale one is pushed back with its current key. Most candidates are never
 * looked at again after the first pop.
 */
final class LazyGreedy {

    /** Ranks a candidate: a primary key and a tie-breaker, both non-increasing as sites are added. */
    interface Key {
        double primary(CoverState state, int c);

        double secondary(CoverState state, int c);
    }

    /** Newly covered weight, then newly covered points: the MCLP objective. */
    static final Key WEIGHT = new Key() {
        public double primary(CoverState s, int c) {
            return s.gain(c);
        }

        public double secondary(CoverState s, int c) {
            return s.gainPoints(c);
        }
    };

    /** Newly covered points, then weight: set cover counts points, not weight. */
    static final Key POINTS = new Key() {
        public double primary(CoverState s, int c) {
            return s.gainPoints(c);
        }

        public double secondary(CoverState s, int c) {
            return s.gain(c);
        }
    };

    private record Entry(int candidate, double primary, double secondary) {}

    // Ties go to the lower candidate index so results do not depend on heap internals.
    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingDouble(Entry::primary)
            .reversed()
            .thenComparing(Comparator.comparingDouble(Entry::secondary).reversed())
            .thenComparingInt(Entry::candidate);

    private final CoverState state;
    private final Key key;
    private final PriorityQueue<Entry> heap;
    private int evaluations;

    LazyGreedy(CoverState state, Key key) {
        this.state = state;
        this.key = key;
        heap = new PriorityQueue<>(Math.max(1, state.candidates()), BEST_FIRST);
        for (int c = 0; c < state.candidates(); c++) {
            if (!state.isChosen(c) && key.primary(state, c) > 0) {
                heap.add(entry(c));
            }
        }
    }

    private Entry entry(int c) {
        return new Entry(c, key.primary(state, c), key.secondary(state, c));
    }

    /** The best unchosen candidate with a positive key, or -1 when none is left. Does not choose it. */
    int next() {
        while (!heap.isEmpty()) {
            Entry e = heap.poll();
            evaluations++;
            if (state.isChosen(e.candidate())) {
                continue;
            }
            Entry now = entry(e.candidate());
            if (now.primary() <= 0) {
                continue;
            }
            if (now.primary() == e.primary() && now.secondary() == e.secondary()) {
                return e.candidate();
            }
            heap.add(now);
        }
        return -1;
    }

    /** Heap pops so far: the number of gain evaluations. */
    int evaluations() {
        return evaluations;
    }
}
