package org.yizhan.locator.routing;

import java.util.Arrays;

/**
 * A binary min-heap of (key, node) pairs in two primitive arrays, for searches that queue many
 * entries without an object per entry: Dijkstra here, the k-d tree's best-first walk in search.
 * Entries are never updated in place: a node reached sooner is pushed again and the stale entry
 * skipped when it comes up.
 */
public final class MinHeap {

    private double[] keys = new double[256];
    private int[] nodes = new int[256];
    private int size;

    public void clear() {
        size = 0;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public double topKey() {
        return keys[0];
    }

    public void push(double key, int node) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) break;
            keys[i] = keys[parent];
            nodes[i] = nodes[parent];
            i = parent;
        }
        keys[i] = key;
        nodes[i] = node;
    }

    /** Removes the entry with the smallest key and returns its node. */
    public int pop() {
        int top = nodes[0];
        size--;
        if (size > 0) {
            double key = keys[size];
            int node = nodes[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) break;
                if (child + 1 < size && keys[child + 1] < keys[child]) child++;
                if (keys[child] >= key) break;
                keys[i] = keys[child];
                nodes[i] = nodes[child];
                i = child;
            }
            keys[i] = key;
            nodes[i] = node;
        }
        return top;
    }
}
