package org.yizhan.geo.planning;

import java.util.Arrays;

/** A growable int array: the cover lists hold millions of indices, too many to box. */
final class IntList {

    private int[] items;
    private int size;

    IntList(int capacity) {
        items = new int[Math.max(4, capacity)];
    }

    void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
        }
        items[size++] = value;
    }

    int get(int index) {
        return items[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    void sortFrom(int from) {
        Arrays.sort(items, from, size);
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
