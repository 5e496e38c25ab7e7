package org.yizhan.geo.planning;

import java.util.List;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

/**
 * 1-swap local search for maximal covering on a {@link CoverState}. Swapping chosen site s for
 * unchosen c changes coverage by gain(c) - loss(s) + overlap(s, c), where the overlap is the
 * weight that only s covers and c covers too. The overlap is gathered per s through the
 * demand→candidates lists; candidates without overlap score gain(c) - loss(s), so only the best
 * of them by gain matters, and a short list of the top gains (rebuilt after each swap) finds it
 * without scanning all candidates for every s.
 */
final class SwapSearch {

    /** Enough that one of them lies outside any one site's neighbourhood in practice; else a full scan. */
    private static final int TOP = 16;

    private final CoverState state;
    private final Csr cover;
    private final Csr coverers;
    private final double[] w;
    private final double[] overlap;
    private final boolean[] touched;
    private final IntList touchedList;
    /** Candidates that may not enter: sites just kicked out, so descent does not undo the kick at once. */
    private final boolean[] tabu;

    private final int[] top = new int[TOP];
    private int topSize;
    /** Improvements below this are rounding noise; requiring more also guarantees termination. */
    private final double epsilon;

    private int swaps;
    private final boolean[] dirty;
    private final List<Site> candidates;
    private final double reach;
    private int best;
    private double bestDelta;

    SwapSearch(CoverageProblem problem, CoverState state) {
        this.state = state;
        cover = problem.openCover();
        coverers = problem.openCoverers();
        w = problem.weights();
        overlap = new double[state.candidates()];
        touched = new boolean[state.candidates()];
        touchedList = new IntList(256);
        tabu = new boolean[state.candidates()];
        epsilon = 1e-9 * Math.max(1, problem.totalWeight());
        dirty = new boolean[state.candidates()];
        candidates = problem.candidates();
        reach = 2 * problem.radiusMeters() + 1;
    }

    /** Passes until one makes no swap (at most {@code maxPasses}); returns the passes run. */
    int descend(List<Integer> chosen, int maxPasses) {
        int passes = 0;
        do {
            passes++;
        } while (pass(chosen) > 0 && passes < maxPasses);
        return passes;
    }

    /** One pass over the chosen sites, replacing each by its best improving swap; returns swaps made. */
    int pass(List<Integer> chosen) {
        int made = 0;
        refreshTop();
        for (int slot = 0; slot < chosen.size(); slot++) {
            int s = chosen.get(slot);
            int c = bestReplacement(s);
            if (c >= 0) {
                state.remove(s);
                state.add(c);
                chosen.set(slot, c);
                made++;
                refreshTop();
            }
        }
        swaps += made;
        return made;
    }

    /**
     * Descent that only revisits sites a change could affect: those marked with {@link #markAround}
     * and, after each swap, the sites near it. Cheaper than full passes after a small kick; not a
     * guarantee of a 1-swap optimum for sites far away (a final {@link #descend} gives that).
     */
    void descendAround(List<Integer> chosen) {
        refreshTop();
        boolean again = true;
        while (again) {
            again = false;
            for (int slot = 0; slot < chosen.size(); slot++) {
                int s = chosen.get(slot);
                if (!dirty[s]) {
                    continue;
                }
                dirty[s] = false;
                int c = bestReplacement(s);
                if (c >= 0) {
                    state.remove(s);
                    state.add(c);
                    chosen.set(slot, c);
                    swaps++;
                    markAround(chosen, s);
                    markAround(chosen, c);
                    refreshTop();
                    again = true;
                }
            }
        }
        java.util.Arrays.fill(dirty, false);
    }

    /**
     * Marks for {@link #descendAround} candidate {@code c} and the chosen sites within two radii of
     * it: the ones whose cover can share demand with it, so whose losses and overlaps can change.
     */
    void markAround(List<Integer> chosen, int c) {
        dirty[c] = true;
        LatLng at = candidates.get(c).at();
        for (int t : chosen) {
            if (!dirty[t] && Geodesy.distanceMeters(at, candidates.get(t).at()) <= reach) {
                dirty[t] = true;
            }
        }
    }

    void setTabu(int c, boolean value) {
        tabu[c] = value;
    }

    int swaps() {
        return swaps;
    }

    /** The unchosen candidate whose swap with {@code s} improves coverage most, or -1. */
    int bestReplacement(int s) {
        for (int j = cover.start[s]; j < cover.start[s + 1]; j++) {
            int i = cover.items[j];
            if (state.count(i) != 1) {
                continue;
            }
            for (int k = coverers.start[i]; k < coverers.start[i + 1]; k++) {
                int c = coverers.items[k];
                if (c != s) {
                    if (!touched[c]) {
                        touched[c] = true;
                        touchedList.add(c);
                    }
                    overlap[c] += w[i];
                }
            }
        }
        double loss = state.loss(s);
        best = -1;
        bestDelta = epsilon;
        for (int j = 0; j < touchedList.size(); j++) {
            int c = touchedList.get(j);
            consider(c, state.gain(c) + overlap[c] - loss);
        }
        int untouched = -1;
        for (int j = 0; j < topSize && untouched < 0; j++) {
            untouched = touched[top[j]] ? -1 : top[j];
        }
        if (untouched >= 0) {
            consider(untouched, state.gain(untouched) - loss);
        } else {
            for (int c = 0; c < overlap.length; c++) {
                if (!touched[c]) {
                    consider(c, state.gain(c) - loss);
                }
            }
        }
        for (int j = 0; j < touchedList.size(); j++) {
            int c = touchedList.get(j);
            overlap[c] = 0;
            touched[c] = false;
        }
        touchedList.clear();
        return best;
    }

    private void consider(int c, double delta) {
        if (delta > bestDelta && !state.isChosen(c) && !tabu[c]) {
            best = c;
            bestDelta = delta;
        }
    }

    /** The eligible (unchosen, not tabu) candidates with the largest gains, best first. */
    private void refreshTop() {
        topSize = 0;
        for (int c = 0; c < state.candidates(); c++) {
            if (state.isChosen(c) || tabu[c]) {
                continue;
            }
            double g = state.gain(c);
            if (topSize == TOP && g <= state.gain(top[TOP - 1])) {
                continue;
            }
            int j = Math.min(topSize, TOP - 1);
            while (j > 0 && state.gain(top[j - 1]) < g) {
                top[j] = top[j - 1];
                j--;
            }
            top[j] = c;
            topSize = Math.min(topSize + 1, TOP);
        }
    }
}
