package org.yizhan.geo.planning;

import java.util.Arrays;

/**
 * Rows of int lists packed into two arrays (compressed sparse rows): cover lists for 5,000
 * candidates are millions of entries, and one flat array is both smaller and faster to scan
 * than an array of arrays.
 */
final class Csr {

    final int[] start;
    final int[] items;

    Csr(int[] start, int[] items) {
        this.start = start;
        this.items = items;
    }

    int rows() {
        return start.length - 1;
    }

    int size(int row) {
        return start[row + 1] - start[row];
    }

    int[] row(int row) {
        return Arrays.copyOfRange(items, start[row], start[row + 1]);
    }

    /** Rows of this matrix that keep only the items accepted by {@code keep}. */
    Csr filter(java.util.function.IntPredicate keep) {
        int[] newStart = new int[start.length];
        IntList out = new IntList(items.length);
        for (int r = 0; r < rows(); r++) {
            for (int j = start[r]; j < start[r + 1]; j++) {
                if (keep.test(items[j])) {
                    out.add(items[j]);
                }
            }
            newStart[r + 1] = out.size();
        }
        return new Csr(newStart, out.toArray());
    }

    /** The transpose with {@code columns} rows; each row comes out sorted ascending. */
    Csr transpose(int columns) {
        int[] newStart = new int[columns + 1];
        for (int item : items) {
            newStart[item + 1]++;
        }
        for (int c = 0; c < columns; c++) {
            newStart[c + 1] += newStart[c];
        }
        int[] fill = Arrays.copyOf(newStart, columns);
        int[] newItems = new int[items.length];
        for (int r = 0; r < rows(); r++) {
            for (int j = start[r]; j < start[r + 1]; j++) {
                newItems[fill[items[j]]++] = r;
            }
        }
        return new Csr(newStart, newItems);
    }
}
