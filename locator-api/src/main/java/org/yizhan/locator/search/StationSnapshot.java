package org.yizhan.locator.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.locator.station.StationRow;

/**
 * An immutable in-memory copy of the active stations in primitive arrays (struct of arrays), not
 * an object per station: coordinates, unit vectors, amenity bits, compiled opening hours and ids
 * in one array each, and everything else a station says as one compact record in a few large
 * byte pages (UTF-8 text, repetitive columns as numbers into {@link TextDictionary}s). A
 * {@link StationRow} is decoded only for the few stations an answer returns.
 *
 * <p>Slots are in the order of the k-d tree over all stations, so a walk of the tree reads the
 * arrays in spatial order; {@link #idOrder} ranks slots by id for lookups and id-ordered paging.
 * There is a tree per rare amenity too: a rare-amenity query walks only stations that have it,
 * as a partial index does in PostgreSQL, instead of skipping past 99 others for each hit.
 */
final class StationSnapshot {

    private static final Logger log = LoggerFactory.getLogger(StationSnapshot.class);

    /** An amenity on fewer than this share of stations gets a tree of its own. */
    static final double RARE_SHARE = 0.25;

    static final byte ALWAYS_OPEN = 1;

    final AmenityBits bits;
    final long[] ids;
    final long[] amenityBits;
    final double[] x, y, z;
    final double[] lats, lngs;
    /** Opening hours as a number into {@link #hoursText}, -1 if stored only in the record. */
    final int[] hours;

    final byte[] flags;
    /** Where each slot's record starts: page index in the high 32 bits, offset in the low. */
    final long[] records;

    final byte[][] pages;
    /** Slots by ascending id. */
    final int[] idOrder;

    final Dictionaries dictionaries;

    final SphereKdTree all;
    final Map<Integer, SphereKdTree> byRareAmenity;

    /** The distinct text of repetitive columns; a new snapshot extends its predecessor's. */
    static final class Dictionaries {
        final TextDictionary adcode, hostType, hostOrganisation, hours, status, statusReason;

        Dictionaries() {
            this(
                    new TextDictionary(),
                    new TextDictionary(),
                    new TextDictionary(),
                    new TextDictionary(),
                    new TextDictionary(),
                    new TextDictionary());
        }

        private Dictionaries(
                TextDictionary adcode,
                TextDictionary hostType,
                TextDictionary hostOrganisation,
                TextDictionary hours,
                TextDictionary status,
                TextDictionary statusReason) {
            this.adcode = adcode;
            this.hostType = hostType;
            this.hostOrganisation = hostOrganisation;
            this.hours = hours;
            this.status = status;
            this.statusReason = statusReason;
        }

        /** Every dictionary, in a fixed order (the snapshot file writes and reads them so). */
        TextDictionary[] all() {
            return new TextDictionary[] {adcode, hostType, hostOrganisation, hours, status, statusReason};
        }

        Dictionaries copy() {
            return new Dictionaries(
                    adcode.copy(),
                    hostType.copy(),
                    hostOrganisation.copy(),
                    hours.copy(),
                    status.copy(),
                    statusReason.copy());
        }
    }

    static StationSnapshot of(List<StationRow> activeRows, AmenityBits bits) {
        Builder builder = new Builder(bits, new Dictionaries(), activeRows.size());
        for (StationRow row : activeRows) builder.add(row);
        return builder.build();
    }

    private StationSnapshot(Builder b) {
        long t0 = System.nanoTime();
        int n = b.size;
        bits = b.bits;
        dictionaries = b.dictionaries;
        // The builder's columns are read, not copied: it is not used after build().
        long[] idsIn = b.ids;
        double[] latIn = b.lats, lngIn = b.lngs;
        x = new double[n];
        y = new double[n];
        z = new double[n];
        for (int i = 0; i < n; i++) {
            double phi = Math.toRadians(latIn[i]), lambda = Math.toRadians(lngIn[i]);
            double c = Math.cos(phi);
            x[i] = c * Math.cos(lambda);
            y[i] = c * Math.sin(lambda);
            z[i] = Math.sin(phi);
        }
        long t1 = System.nanoTime();
        all = SphereKdTree.inPlace(x, y, z);
        long t2 = System.nanoTime();
        int[] order = all.order();
        ids = new long[n];
        lats = new double[n];
        lngs = new double[n];
        amenityBits = new long[n];
        hours = new int[n];
        flags = new byte[n];
        records = new long[n];
        for (int i = 0; i < n; i++) {
            int from = order[i];
            ids[i] = idsIn[from];
            lats[i] = latIn[from];
            lngs[i] = lngIn[from];
            amenityBits[i] = b.amenityBits[from];
            hours[i] = b.hours[from];
            flags[i] = b.flags[from];
            records[i] = b.records[from];
        }
        all.renumbered();
        all.boundLatLng(lats, lngs);
        pages = b.pages();
        long t3 = System.nanoTime();

        int[] counts = new int[AmenityBits.MAX];
        for (int i = 0; i < n; i++) {
            long a = amenityBits[i];
            while (a != 0) {
                counts[Long.numberOfTrailingZeros(a)]++;
                a &= a - 1;
            }
        }
        Map<Integer, ForkJoinTask<SphereKdTree>> building = new HashMap<>();
        for (int bit = 0; bit < AmenityBits.MAX; bit++) {
            if (counts[bit] == 0 || counts[bit] >= RARE_SHARE * n) continue;
            int[] having = new int[counts[bit]];
            int k = 0;
            long mask = 1L << bit;
            for (int i = 0; i < n; i++) if ((amenityBits[i] & mask) != 0) having[k++] = i;
            building.put(bit, ForkJoinPool.commonPool().submit(() -> new SphereKdTree(having, x, y, z)));
        }
        // While the pool builds those trees, this thread ranks the slots by id.
        idOrder = sortedById(ids);
        Map<Integer, SphereKdTree> rare = new HashMap<>();
        building.forEach((bit, task) -> rare.put(bit, task.join()));
        byRareAmenity = Map.copyOf(rare);
        if (log.isDebugEnabled()) {
            long t4 = System.nanoTime();
            log.debug(
                    "Built a snapshot of {} stations in {} ms: unit vectors {} ms, tree {} ms, columns in tree order {} ms, id order and {} rare-amenity trees {} ms",
                    n,
                    (t4 - t0) / 1_000_000,
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000,
                    rare.size(),
                    (t4 - t3) / 1_000_000);
        }
    }

    /** Slot numbers ordered by the ids in them. */
    private static int[] sortedById(long[] ids) {
        int n = ids.length;
        long[] keys = ids.clone();
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) slots[i] = i;
        sort(keys, slots);
        return slots;
    }

    /** Sorts {@code keys} ascending and moves {@code values} with them: bottom-up merge sort, no boxing. */
    static void sort(long[] keys, int[] values) {
        int n = keys.length;
        int run = 32;
        for (int start = 0; start < n; start += run) insertionSort(keys, values, start, Math.min(start + run, n));
        long[] srcK = keys, dstK = new long[n];
        int[] srcV = values, dstV = new int[n];
        for (int width = run; width < n; width *= 2) {
            for (int start = 0; start < n; start += 2 * width) {
                int mid = Math.min(start + width, n), end = Math.min(start + 2 * width, n);
                int i = start, j = mid, o = start;
                while (i < mid && j < end) {
                    if (srcK[i] <= srcK[j]) {
                        dstK[o] = srcK[i];
                        dstV[o++] = srcV[i++];
                    } else {
                        dstK[o] = srcK[j];
                        dstV[o++] = srcV[j++];
                    }
                }
                while (i < mid) {
                    dstK[o] = srcK[i];
                    dstV[o++] = srcV[i++];
                }
                while (j < end) {
                    dstK[o] = srcK[j];
                    dstV[o++] = srcV[j++];
                }
            }
            long[] tk = srcK;
            srcK = dstK;
            dstK = tk;
            int[] tv = srcV;
            srcV = dstV;
            dstV = tv;
        }
        if (srcK != keys) {
            System.arraycopy(srcK, 0, keys, 0, n);
            System.arraycopy(srcV, 0, values, 0, n);
        }
    }

    private static void insertionSort(long[] keys, int[] values, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            long k = keys[i];
            int v = values[i];
            int j = i - 1;
            while (j >= lo && keys[j] > k) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = k;
            values[j + 1] = v;
        }
    }

    int size() {
        return ids.length;
    }

    /** Per-cell sums for zoomed-out views (~0.3 s at 10^6): made once, by the index after a load or in a compaction, or by a first request that comes sooner. */
    private volatile ClusterGrid.@Nullable Levels clusterLevels;

    ClusterGrid.Levels clusterLevels() {
        ClusterGrid.Levels levels = clusterLevels;
        if (levels == null) {
            // Two first requests may both build; either result is the same.
            levels = new ClusterGrid.Levels(lats, lngs);
            clusterLevels = levels;
        }
        return levels;
    }

    /** The slot of a station id, or -1. */
    int slotOf(long id) {
        int rank = rankAbove(id - 1);
        if (rank < idOrder.length && ids[idOrder[rank]] == id) return idOrder[rank];
        return -1;
    }

    /** The rank (in {@link #idOrder}) of the first station with an id above {@code id}. */
    int rankAbove(long id) {
        int lo = 0, hi = idOrder.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ids[idOrder[mid]] <= id) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    boolean alwaysOpen(int slot) {
        return (flags[slot] & ALWAYS_OPEN) != 0;
    }

    /** The station in a slot, decoded from its record. */
    StationRow row(int slot) {
        Reader r = new Reader(pages[(int) (records[slot] >>> 32)], (int) records[slot]);
        String code = r.string();
        String name = r.string();
        String nameEn = r.nullableString();
        String address = r.string();
        String adcode = r.dictionary(dictionaries.adcode);
        String hostType = r.dictionary(dictionaries.hostType);
        String hostOrganisation = r.dictionary(dictionaries.hostOrganisation);
        String contactPerson = r.string();
        String contactPhone = r.string();
        String openingHours = r.dictionary(dictionaries.hours);
        List<String> amenities = r.amenities(bits, amenityBits[slot]);
        String status = r.dictionary(dictionaries.status);
        String statusReason = r.nullableDictionary(dictionaries.statusReason);
        Double floorArea = r.flag() ? r.float64() : null;
        Instant createdAt = r.instant();
        Instant updatedAt = r.instant();
        long version = r.signed();
        Instant lastVerifiedAt = r.flag() ? r.instant() : null;
        Instant closedAlarmAt = r.flag() ? r.instant() : null;
        return new StationRow(
                ids[slot],
                code,
                name,
                nameEn,
                address,
                lats[slot],
                lngs[slot],
                adcode,
                hostType,
                hostOrganisation,
                contactPerson,
                contactPhone,
                openingHours,
                alwaysOpen(slot),
                amenities,
                status,
                statusReason,
                floorArea,
                createdAt,
                updatedAt,
                version,
                lastVerifiedAt,
                closedAlarmAt);
    }

    /** The adcode's dictionary entry, or -1 if the adcode is stored inline. */
    int adcodeCode(int slot) {
        Reader r = new Reader(pages[(int) (records[slot] >>> 32)], (int) records[slot]);
        for (int i = 0; i < 4; i++) r.skipText();
        return (int) r.unsigned() - 2;
    }

    /** The station's code without decoding the rest (ties in distance are broken by code). */
    String code(int slot) {
        return new Reader(pages[(int) (records[slot] >>> 32)], (int) records[slot]).string();
    }

    /** Bytes held by this snapshot's arrays and pages, for the log. */
    long bytes() {
        long n = ids.length;
        long b = n * (8 + 8 + 24 + 16 + 4 + 1 + 8 + 4);
        for (byte[] page : pages) b += page.length;
        return b;
    }

    /** Reads one record; the layout is written by {@link Builder}. */
    private static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        long unsigned() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = buf[pos++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) return v;
                shift += 7;
            }
        }

        long signed() {
            long v = unsigned();
            return (v >>> 1) ^ -(v & 1);
        }

        boolean flag() {
            return buf[pos++] != 0;
        }

        double float64() {
            long v = 0;
            for (int i = 0; i < 8; i++) v |= (long) (buf[pos++] & 0xff) << (8 * i);
            return Double.longBitsToDouble(v);
        }

        void skipText() {
            int len = (int) unsigned() - 1;
            if (len > 0) pos += len;
        }

        @Nullable
        String nullableString() {
            int len = (int) unsigned() - 1;
            if (len < 0) return null;
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        String string() {
            String s = nullableString();
            if (s == null) throw new IllegalStateException("null in a required column");
            return s;
        }

        @Nullable
        String nullableDictionary(TextDictionary dictionary) {
            int code = (int) unsigned();
            if (code == 0) return null;
            if (code == 1) return string();
            return dictionary.get(code - 2);
        }

        String dictionary(TextDictionary dictionary) {
            String s = nullableDictionary(dictionary);
            if (s == null) throw new IllegalStateException("null in a required column");
            return s;
        }

        Instant instant() {
            long seconds = signed();
            int nanos = (int) unsigned();
            return Instant.ofEpochSecond(seconds, nanos);
        }

        List<String> amenities(AmenityBits bits, long mask) {
            int count = (int) unsigned();
            if (count == 0) return bits.keysOf(mask);
            String[] out = new String[count - 1];
            for (int i = 0; i < out.length; i++) out[i] = string();
            return List.of(out);
        }
    }

    /**
     * Collects stations into columns and records, then {@link #build()}s the snapshot. Rows come
     * either as {@link StationRow}s (changes, compaction) or field by field as UTF-8 bytes (the
     * bulk load, see {@link StationLoader}); both write the same record layout:
     *
     * <pre>
     * code name nameEn? address   text: varint (byte length + 1, 0 = null), UTF-8 bytes
     * adcode hostType hostOrganisation
     *                             dictionary: varint (0 = null, 1 = text follows, k + 2 = entry k)
     * contactPerson contactPhone  text
     * openingHours                dictionary (also compiled into the hours column)
     * amenities                   varint 0 = the amenity bits in vocabulary order, else count + 1 texts
     * status statusReason?        dictionary
     * floorArea?                  flag byte, 8 bytes little-endian double
     * createdAt updatedAt         zigzag varint epoch seconds, varint nanoseconds
     * version                     zigzag varint
     * lastVerifiedAt? closedAlarmAt?  flag byte, instant
     * </pre>
     */
    static final class Builder {

        private static final int PAGE = 1 << 22;

        final AmenityBits bits;
        final Dictionaries dictionaries;
        int size;
        long[] ids;
        double[] lats, lngs;
        long[] amenityBits;
        int[] hours;
        byte[] flags;
        long[] records;

        private final List<byte[]> pageList = new ArrayList<>();
        private byte[] page = new byte[0];
        private int pageUsed;
        /** The record being written. */
        private byte[] rec = new byte[256];

        private int recLen;

        Builder(AmenityBits bits, Dictionaries dictionaries, int expected) {
            this.bits = bits;
            this.dictionaries = dictionaries;
            int c = Math.max(16, expected);
            ids = new long[c];
            lats = new double[c];
            lngs = new double[c];
            amenityBits = new long[c];
            hours = new int[c];
            flags = new byte[c];
            records = new long[c];
        }

        /** A builder holding columns and pages read back from a file ({@link StationSnapshotFile}). */
        Builder(
                AmenityBits bits,
                Dictionaries dictionaries,
                long[] ids,
                double[] lats,
                double[] lngs,
                long[] amenityBits,
                int[] hours,
                byte[] flags,
                long[] records,
                byte[][] pages) {
            this.bits = bits;
            this.dictionaries = dictionaries;
            this.size = ids.length;
            this.ids = ids;
            this.lats = lats;
            this.lngs = lngs;
            this.amenityBits = amenityBits;
            this.hours = hours;
            this.flags = flags;
            this.records = records;
            pageList.addAll(Arrays.asList(pages));
        }

        StationSnapshot build() {
            return new StationSnapshot(this);
        }

        /**
         * Adds {@code other}'s stations after this builder's (a load read in parts, numbered with
         * the same dictionaries); {@code other} is not used afterwards.
         */
        void append(Builder other) {
            if (other.dictionaries != dictionaries) throw new IllegalArgumentException("other dictionaries");
            // This builder's last page is closed, so other's pages follow whole and keep their offsets.
            if (pageUsed > 0) pageList.add(Arrays.copyOf(page, pageUsed));
            page = new byte[0];
            pageUsed = 0;
            long pageShift = (long) pageList.size() << 32;
            pageList.addAll(Arrays.asList(other.pages()));
            int n = size + other.size;
            if (n > ids.length) resize(Math.max(n, 16));
            System.arraycopy(other.ids, 0, ids, size, other.size);
            System.arraycopy(other.lats, 0, lats, size, other.size);
            System.arraycopy(other.lngs, 0, lngs, size, other.size);
            System.arraycopy(other.amenityBits, 0, amenityBits, size, other.size);
            System.arraycopy(other.hours, 0, hours, size, other.size);
            System.arraycopy(other.flags, 0, flags, size, other.size);
            for (int i = 0; i < other.size; i++) records[size + i] = other.records[i] + pageShift;
            size = n;
        }

        byte[][] pages() {
            List<byte[]> out = new ArrayList<>(pageList);
            if (pageUsed > 0) out.add(Arrays.copyOf(page, pageUsed));
            return out.toArray(byte[][]::new);
        }

        void add(StationRow row) {
            begin(row.id(), row.lat(), row.lng(), row.alwaysOpen());
            text(row.code());
            text(row.name());
            text(row.nameEn());
            text(row.address());
            dictionary(dictionaries.adcode, row.adcode());
            dictionary(dictionaries.hostType, row.hostType());
            dictionary(dictionaries.hostOrganisation, row.hostOrganisation());
            text(row.contactPerson());
            text(row.contactPhone());
            hours[size] = dictionary(dictionaries.hours, row.openingHours());
            amenities(row.amenities());
            dictionary(dictionaries.status, row.status());
            dictionary(dictionaries.statusReason, row.statusReason());
            floorArea(row.floorArea() != null, row.floorArea() == null ? 0 : row.floorArea());
            instant(row.createdAt());
            instant(row.updatedAt());
            signed(row.version());
            optionalInstant(row.lastVerifiedAt());
            optionalInstant(row.closedAlarmAt());
            end();
        }

        // ---- field writers, in record order; the loader calls them directly with bytes

        void begin(long id, double lat, double lng, boolean alwaysOpen) {
            if (size == ids.length) grow();
            ids[size] = id;
            lats[size] = lat;
            lngs[size] = lng;
            flags[size] = alwaysOpen ? ALWAYS_OPEN : 0;
            amenityBits[size] = 0;
            hours[size] = -1;
            recLen = 0;
        }

        void end() {
            if (pageUsed + recLen > page.length) {
                if (pageUsed > 0) pageList.add(Arrays.copyOf(page, pageUsed));
                page = new byte[Math.max(PAGE, recLen)];
                pageUsed = 0;
            }
            System.arraycopy(rec, 0, page, pageUsed, recLen);
            records[size] = ((long) pageList.size() << 32) | pageUsed;
            pageUsed += recLen;
            size++;
        }

        void text(@Nullable String s) {
            if (s == null) {
                unsigned(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            text(b, 0, b.length);
        }

        /** UTF-8 text {@code buf[off, off + len)}, or null when {@code len < 0}. */
        void text(byte[] buf, int off, int len) {
            if (len < 0) {
                unsigned(0);
                return;
            }
            unsigned(len + 1L);
            room(len);
            System.arraycopy(buf, off, rec, recLen, len);
            recLen += len;
        }

        /** Writes a dictionary column; returns its entry, or -1 when null or stored inline. */
        int dictionary(TextDictionary dictionary, @Nullable String s) {
            if (s == null) {
                unsigned(0);
                return -1;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return dictionary(dictionary, b, 0, b.length);
        }

        int dictionary(TextDictionary dictionary, byte[] buf, int off, int len) {
            return coded(len < 0 ? -1 : dictionary.code(buf, off, len), buf, off, len);
        }

        /** A dictionary column whose entry the caller has looked up: -1 stores the text inline. */
        int coded(int code, byte[] buf, int off, int len) {
            if (len < 0) {
                unsigned(0);
                return -1;
            }
            if (code < 0) {
                unsigned(1);
                text(buf, off, len);
            } else {
                unsigned(code + 2L);
            }
            return code;
        }

        void hours(int code) {
            hours[size] = code;
        }

        void amenities(List<String> keys) {
            long mask = bits.of(keys);
            amenityBits[size] = mask;
            if (bits.keysOf(mask).equals(keys)) {
                unsigned(0);
            } else {
                unsigned(keys.size() + 1L);
                for (String key : keys) text(key);
            }
        }

        /** Amenities already matched to bits; {@code canonical} when they were the bits in vocabulary order. */
        void amenityBits(long mask) {
            amenityBits[size] = mask;
        }

        void floorArea(boolean present, double value) {
            flag(present);
            if (!present) return;
            long v = Double.doubleToRawLongBits(value);
            room(8);
            for (int i = 0; i < 8; i++) rec[recLen++] = (byte) (v >>> (8 * i));
        }

        void instant(Instant at) {
            signed(at.getEpochSecond());
            unsigned(at.getNano());
        }

        /** An instant as PostgreSQL sends it: microseconds since 2000-01-01 UTC. */
        void postgresInstant(long micros) {
            long seconds = Math.floorDiv(micros, 1_000_000L) + POSTGRES_EPOCH;
            long nanos = Math.floorMod(micros, 1_000_000L) * 1000;
            signed(seconds);
            unsigned(nanos);
        }

        static final long POSTGRES_EPOCH = 946_684_800L;

        void optionalInstant(@Nullable Instant at) {
            flag(at != null);
            if (at != null) instant(at);
        }

        void flag(boolean b) {
            room(1);
            rec[recLen++] = (byte) (b ? 1 : 0);
        }

        void signed(long v) {
            unsigned((v << 1) ^ (v >> 63));
        }

        void unsigned(long v) {
            room(10);
            while ((v & ~0x7fL) != 0) {
                rec[recLen++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            rec[recLen++] = (byte) v;
        }

        private void room(int more) {
            if (recLen + more > rec.length) rec = Arrays.copyOf(rec, Math.max(rec.length * 2, recLen + more));
        }

        private void grow() {
            resize(ids.length * 2);
        }

        /** Every column at {@code c} slots, keeping what it holds. */
        private void resize(int c) {
            ids = Arrays.copyOf(ids, c);
            lats = Arrays.copyOf(lats, c);
            lngs = Arrays.copyOf(lngs, c);
            amenityBits = Arrays.copyOf(amenityBits, c);
            hours = Arrays.copyOf(hours, c);
            flags = Arrays.copyOf(flags, c);
            records = Arrays.copyOf(records, c);
        }
    }
}
