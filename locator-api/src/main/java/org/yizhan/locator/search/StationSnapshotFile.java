package org.yizhan.locator.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The index's snapshots on disk (the active stations, and the suspended ones kept beside them), so
 * a restart reads a file instead of asking PostgreSQL for every station. It holds what the bulk
 * load produces (for each snapshot its columns in slot order and record pages; the dictionaries
 * they share, in code order; the amenity vocabulary), the database it came from and
 * the change counter it is complete up to; the trees are built again on reading (a fraction of
 * a second). Everything is little-endian and ends with a CRC-32C of what precedes it, so a file
 * cut short or damaged is refused, never half-read. Written to a temporary file and moved into
 * place, so a reader sees the old file or the new one.
 */
final class StationSnapshotFile {

    private static final byte[] MAGIC = "YIZHANIX".getBytes(StandardCharsets.US_ASCII);
    /** Bumped whenever the layout here or the record layout of {@link StationSnapshot.Builder} changes. */
    static final int FORMAT = 2;

    private static final int MAX_STATIONS = 50_000_000;

    /** What a file says about where it came from: checked against the database before it is used. */
    record Header(String database, long counter) {}

    /** A file read back: its header and builders holding its active and suspended stations. */
    record Contents(Header header, StationSnapshot.Builder active, StationSnapshot.Builder suspended) {}

    /** Thrown for a file that is not a whole, well-formed snapshot of this format. */
    static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    private StationSnapshotFile() {}

    /** Writes both snapshots, which must share their dictionaries (as a load's do). */
    static void write(StationSnapshot active, StationSnapshot suspended, Header header, Path file) throws IOException {
        if (active.dictionaries != suspended.dictionaries)
            throw new IllegalArgumentException("the snapshots must share their dictionaries");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (FileChannel channel = FileChannel.open(
                partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            Out out = new Out(channel);
            out.bytes(MAGIC);
            out.ints(new int[] {FORMAT});
            out.text(header.database());
            out.longs(new long[] {header.counter()});
            out.texts(active.bits.keys());
            for (TextDictionary d : active.dictionaries.all()) {
                List<String> entries = new ArrayList<>(d.size());
                for (int code = 0; code < d.size(); code++) entries.add(d.get(code));
                out.texts(entries);
            }
            out.snapshot(active);
            out.snapshot(suspended);
            out.finish();
            channel.force(false);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a file written by {@link #write} for the amenity vocabulary {@code bits}.
     *
     * @throws Unreadable if it is not a whole file of this format and vocabulary
     */
    static Contents read(Path file, AmenityBits bits) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            In in = new In(channel);
            if (!Arrays.equals(in.bytes(MAGIC.length), MAGIC)) throw new Unreadable("not a station snapshot file");
            int format = in.ints(1)[0];
            if (format != FORMAT) throw new Unreadable("format " + format + ", this version reads " + FORMAT);
            Header header = new Header(in.text(), in.longs(1)[0]);
            if (!in.texts().equals(bits.keys())) throw new Unreadable("another amenity vocabulary");
            StationSnapshot.Dictionaries dictionaries = new StationSnapshot.Dictionaries();
            for (TextDictionary d : dictionaries.all()) {
                List<String> entries = in.texts();
                for (int code = 0; code < entries.size(); code++) {
                    if (d.code(entries.get(code)) != code) throw new Unreadable("a dictionary repeats an entry");
                }
            }
            StationSnapshot.Builder active = in.snapshot(bits, dictionaries);
            StationSnapshot.Builder suspended = in.snapshot(bits, dictionaries);
            in.finish();
            return new Contents(header, active, suspended);
        }
    }

    /** Writes sections through one buffer, keeping the checksum of everything written. */
    private static final class Out {
        private final FileChannel channel;
        private final CRC32C crc = new CRC32C();
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        Out(FileChannel channel) {
            this.channel = channel;
        }

        void bytes(byte[] b) throws IOException {
            for (int at = 0; at < b.length; ) {
                int k = Math.min(buf.remaining(), b.length - at);
                buf.put(b, at, k);
                at += k;
                if (!buf.hasRemaining()) flush();
            }
        }

        void ints(int[] a) throws IOException {
            elements(a.length, 4, (b, at, k) -> b.asIntBuffer().put(a, at, k));
        }

        void longs(long[] a) throws IOException {
            elements(a.length, 8, (b, at, k) -> b.asLongBuffer().put(a, at, k));
        }

        void doubles(double[] a) throws IOException {
            elements(a.length, 8, (b, at, k) -> b.asDoubleBuffer().put(a, at, k));
        }

        /** Puts elements [at, at + k) of an array at the buffer's position. */
        private interface Put {
            void put(ByteBuffer buf, int at, int k);
        }

        /** Writes {@code count} elements of {@code width} bytes, as many at a time as the buffer holds. */
        private void elements(int count, int width, Put put) throws IOException {
            for (int at = 0; at < count; ) {
                int k = Math.min(buf.remaining() / width, count - at);
                if (k == 0) {
                    flush();
                    continue;
                }
                put.put(buf, at, k);
                buf.position(buf.position() + width * k);
                at += k;
            }
        }

        void snapshot(StationSnapshot s) throws IOException {
            ints(new int[] {s.size()});
            longs(s.ids);
            doubles(s.lats);
            doubles(s.lngs);
            longs(s.amenityBits);
            ints(s.hours);
            bytes(s.flags);
            longs(s.records);
            ints(new int[] {s.pages.length});
            for (byte[] page : s.pages) {
                ints(new int[] {page.length});
                bytes(page);
            }
        }

        void text(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            ints(new int[] {b.length});
            bytes(b);
        }

        void texts(List<String> list) throws IOException {
            ints(new int[] {list.size()});
            for (String s : list) text(s);
        }

        private void flush() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) channel.write(buf);
            buf.clear();
        }

        /** Writes the checksum of everything before it. */
        void finish() throws IOException {
            flush();
            longs(new long[] {crc.getValue()});
            buf.flip();
            while (buf.hasRemaining()) channel.write(buf);
        }
    }

    /** Reads sections back, checking the checksum at the end. */
    private static final class In {
        private final FileChannel channel;
        private final long size;
        private final CRC32C crc = new CRC32C();

        In(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        /** The next {@code length} bytes, checked against what the file still holds before allocating. */
        private ByteBuffer section(long length) throws IOException {
            if (length > size - channel.position()) throw new Unreadable("the file ends early");
            ByteBuffer b = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (channel.read(b) < 0) throw new Unreadable("the file ends early");
            }
            b.flip();
            crc.update(b.duplicate());
            return b;
        }

        byte[] bytes(int n) throws IOException {
            byte[] out = new byte[n];
            section(n).get(out);
            return out;
        }

        int[] ints(int n) throws IOException {
            int[] out = new int[n];
            section(4L * n).asIntBuffer().get(out);
            return out;
        }

        long[] longs(int n) throws IOException {
            long[] out = new long[n];
            section(8L * n).asLongBuffer().get(out);
            return out;
        }

        double[] doubles(int n) throws IOException {
            double[] out = new double[n];
            section(8L * n).asDoubleBuffer().get(out);
            return out;
        }

        /** A count or length, at most {@code max}. */
        int count(int max) throws IOException {
            int n = ints(1)[0];
            if (n < 0 || n > max) throw new Unreadable("a count of " + n + " is out of range");
            return n;
        }

        /** One snapshot's columns and pages, checked to point only into themselves and the dictionaries. */
        StationSnapshot.Builder snapshot(AmenityBits bits, StationSnapshot.Dictionaries dictionaries)
                throws IOException {
            int n = count(MAX_STATIONS);
            long[] ids = longs(n);
            double[] lats = doubles(n), lngs = doubles(n);
            long[] amenityBits = longs(n);
            int[] hours = ints(n);
            byte[] flags = bytes(n);
            long[] records = longs(n);
            byte[][] pages = new byte[count(1 << 20)][];
            for (int p = 0; p < pages.length; p++) pages[p] = bytes(count(Integer.MAX_VALUE));
            int hoursKnown = dictionaries.hours.size();
            for (int i = 0; i < n; i++) {
                int page = (int) (records[i] >>> 32), offset = (int) records[i];
                if (page >= pages.length || offset < 0 || offset >= pages[page].length)
                    throw new Unreadable("station " + ids[i] + " points outside the record pages");
                if (hours[i] < -1 || hours[i] >= hoursKnown)
                    throw new Unreadable("station " + ids[i] + " has unknown opening hours");
            }
            return new StationSnapshot.Builder(
                    bits, dictionaries, ids, lats, lngs, amenityBits, hours, flags, records, pages);
        }

        String text() throws IOException {
            return new String(bytes(count(1 << 20)), StandardCharsets.UTF_8);
        }

        List<String> texts() throws IOException {
            int n = count(TextDictionary.CAPACITY);
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(text());
            return out;
        }

        void finish() throws IOException {
            long expected = crc.getValue();
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (tail.hasRemaining()) {
                if (channel.read(tail) < 0) throw new Unreadable("the file ends before its checksum");
            }
            if (tail.flip().getLong() != expected) throw new Unreadable("the checksum does not match");
            if (channel.position() != size) throw new Unreadable("the file goes on after its checksum");
        }
    }
}
