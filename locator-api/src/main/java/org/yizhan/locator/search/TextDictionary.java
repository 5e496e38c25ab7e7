package org.yizhan.locator.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinct values of a repetitive text column (adcode, host, opening hours, status), each kept
 * once as a {@link String} and referred to by a small number. Values arrive either as strings
 * or as UTF-8 byte ranges straight from the database, so a bulk load creates no string per row.
 * Full at {@link #CAPACITY}: a column that turns out not to repeat is stored inline instead.
 */
final class TextDictionary {

    static final int CAPACITY = 1 << 16;

    private byte[][] keys = new byte[16][];
    private String[] values = new String[16];
    private int size;
    /** Open addressing: entry index + 1, 0 = empty. Kept at most half full. */
    private int[] table = new int[64];

    TextDictionary() {}

    /** A copy that can grow without changing this one (a new snapshot extends the old dictionary). */
    TextDictionary copy() {
        TextDictionary c = new TextDictionary();
        c.keys = Arrays.copyOf(keys, keys.length);
        c.values = Arrays.copyOf(values, values.length);
        c.size = size;
        c.table = table.clone();
        return c;
    }

    int size() {
        return size;
    }

    String get(int code) {
        return values[code];
    }

    /** The code of {@code value}, added if new; -1 if the dictionary is full. */
    int code(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return code(bytes, 0, bytes.length);
    }

    /** The code of the UTF-8 text in {@code buf[off, off + len)}, added if new; -1 if full. */
    int code(byte[] buf, int off, int len) {
        int h = hash(buf, off, len);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int e = table[i];
            if (e == 0) break;
            byte[] k = keys[e - 1];
            if (Arrays.equals(k, 0, k.length, buf, off, off + len)) return e - 1;
        }
        if (size == CAPACITY) return -1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = Arrays.copyOfRange(buf, off, off + len);
        values[size] = new String(buf, off, len, StandardCharsets.UTF_8);
        size++;
        if (2 * size > table.length) rehash();
        else insert(table, h, size);
        return size - 1;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        for (int e = 1; e <= size; e++) insert(bigger, hash(keys[e - 1], 0, keys[e - 1].length), e);
        table = bigger;
    }

    private static void insert(int[] table, int h, int entry) {
        int mask = table.length - 1;
        int i = h & mask;
        while (table[i] != 0) i = (i + 1) & mask;
        table[i] = entry;
    }

    private static int hash(byte[] buf, int off, int len) {
        int h = 1;
        for (int i = off; i < off + len; i++) h = 31 * h + buf[i];
        return h ^ (h >>> 16);
    }

    /**
     * One thread's way into a dictionary that several threads fill at once (a load read in
     * parts): values this thread has met are answered from its own table, and only a value new
     * to it takes the shared dictionary's lock. Codes never change once given, so the answers
     * agree across threads.
     */
    static final class Shared {
        private final TextDictionary dictionary;
        /** Values this thread has met, numbered in its own order. */
        private final TextDictionary met = new TextDictionary();
        /** The dictionary's code of each value in {@link #met}. */
        private int[] codes = new int[16];

        Shared(TextDictionary dictionary) {
            this.dictionary = dictionary;
        }

        /** As {@link TextDictionary#code(byte[], int, int)} of the shared dictionary. */
        int code(byte[] buf, int off, int len) {
            int known = met.size();
            int local = met.code(buf, off, len);
            if (local >= 0 && local < known) return codes[local];
            int code;
            synchronized (dictionary) {
                code = dictionary.code(buf, off, len);
            }
            if (local >= 0) {
                if (local == codes.length) codes = Arrays.copyOf(codes, 2 * local);
                codes[local] = code;
            }
            return code;
        }
    }
}
