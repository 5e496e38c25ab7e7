package org.yizhan.geo.planning;

/**
 * Which candidates are chosen and, kept up to date on every add and remove, what each candidate
 * would gain (open demand it covers that nothing chosen covers yet) and what each chosen site
 * would lose if removed (open demand only it covers). Updates touch only the neighbours of the
 * demand whose cover count crosses 0 or 1, so greedy and swap search never rescan cover lists.
 * Point counts ride along so a gain can be reset to exactly 0 when its last point goes, instead
 * of keeping a floating-point residue.
 */
final class CoverState {

    private final Csr cover;
    private final Csr coverers;
    private final double[] w;
    private final int[] count;
    private final double[] gain;
    private final int[] gainPoints;
    private final double[] loss;
    private final int[] lossPoints;
    private final boolean[] chosen;

    CoverState(CoverageProblem problem) {
        cover = problem.openCover();
        coverers = problem.openCoverers();
        w = problem.weights();
        int m = cover.rows();
        count = new int[w.length];
        gain = new double[m];
        gainPoints = new int[m];
        loss = new double[m];
        lossPoints = new int[m];
        chosen = new boolean[m];
        for (int c = 0; c < m; c++) {
            for (int j = cover.start[c]; j < cover.start[c + 1]; j++) {
                gain[c] += w[cover.items[j]];
            }
            gainPoints[c] = cover.size(c);
        }
    }

    int candidates() {
        return chosen.length;
    }

    boolean isChosen(int c) {
        return chosen[c];
    }

    /** Open weight that choosing {@code c} would newly cover (0 for a chosen site). */
    double gain(int c) {
        return gain[c];
    }

    int gainPoints(int c) {
        return gainPoints[c];
    }

    /** Open weight that only chosen site {@code c} covers. */
    double loss(int c) {
        return loss[c];
    }

    int lossPoints(int c) {
        return lossPoints[c];
    }

    /** Number of chosen candidates covering open demand point {@code i}. */
    int count(int i) {
        return count[i];
    }

    void add(int c) {
        if (chosen[c]) {
            throw new IllegalStateException("candidate " + c + " is already chosen");
        }
        chosen[c] = true;
        for (int j = cover.start[c]; j < cover.start[c + 1]; j++) {
            int i = cover.items[j];
            int before = count[i]++;
            if (before == 0) {
                for (int k = coverers.start[i]; k < coverers.start[i + 1]; k++) {
                    int other = coverers.items[k];
                    if (--gainPoints[other] == 0) {
                        gain[other] = 0;
                    } else {
                        gain[other] -= w[i];
                    }
                }
                loss[c] += w[i];
                lossPoints[c]++;
            } else if (before == 1) {
                int t = soleChosenCoverer(i, c);
                if (--lossPoints[t] == 0) {
                    loss[t] = 0;
                } else {
                    loss[t] -= w[i];
                }
            }
        }
    }

    void remove(int c) {
        if (!chosen[c]) {
            throw new IllegalStateException("candidate " + c + " is not chosen");
        }
        chosen[c] = false;
        for (int j = cover.start[c]; j < cover.start[c + 1]; j++) {
            int i = cover.items[j];
            int after = --count[i];
            if (after == 0) {
                for (int k = coverers.start[i]; k < coverers.start[i + 1]; k++) {
                    int other = coverers.items[k];
                    gain[other] += w[i];
                    gainPoints[other]++;
                }
            } else if (after == 1) {
                int t = soleChosenCoverer(i, c);
                loss[t] += w[i];
                lossPoints[t]++;
            }
        }
        loss[c] = 0;
        lossPoints[c] = 0;
    }

    /** The one chosen coverer of {@code i} other than {@code except}. */
    private int soleChosenCoverer(int i, int except) {
        for (int k = coverers.start[i]; k < coverers.start[i + 1]; k++) {
            int t = coverers.items[k];
            if (t != except && chosen[t]) {
                return t;
            }
        }
        throw new IllegalStateException("cover count of demand " + i + " is out of step");
    }

    /** Open weight covered by the chosen sites, summed afresh (no accumulated rounding). */
    double coveredOpenWeight() {
        double sum = 0;
        for (int i = 0; i < count.length; i++) {
            if (count[i] > 0) {
                sum += w[i];
            }
        }
        return sum;
    }
}
