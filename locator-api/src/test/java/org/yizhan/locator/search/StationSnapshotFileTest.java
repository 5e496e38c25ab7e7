package org.yizhan.locator.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.support.TestRandom;

/**
 * The snapshot file against the snapshot it was written from: every station, tree walk and
 * nearest answer the same after reading it back; a file cut short, damaged, of another format or
 * of another amenity vocabulary refused whole.
 */
class StationSnapshotFileTest {

    private final Random random = TestRandom.current();
    private final AmenityBits bits = new AmenityBits(StationRecord.AMENITIES);

    @TempDir
    Path dir;

    @Test
    void aSnapshotReadBackFromItsFileAnswersAsTheOriginal() throws Exception {
        List<StationRow> rows = new ArrayList<>();
        for (long id = 1; id <= 5_000; id++)
            rows.add(CompactSnapshotTest.randomRow(random, id * 5 + random.nextInt(5), "active"));
        StationSnapshot.Dictionaries full = new StationSnapshot.Dictionaries();
        // A full dictionary: later values of the column are stored inline in the records.
        for (int i = 0; i < TextDictionary.CAPACITY; i++) full.hostOrganisation.code("org " + i);
        StationSnapshot.Builder builder = new StationSnapshot.Builder(bits, full, rows.size());
        rows.forEach(builder::add);
        StationSnapshot original = builder.build();
        List<StationRow> suspendedRows = new ArrayList<>();
        for (long id = 1; id <= 300; id++)
            suspendedRows.add(CompactSnapshotTest.randomRow(random, id * 5 + 3, "suspended"));
        StationSnapshot.Builder paused = new StationSnapshot.Builder(bits, full, 16);
        suspendedRows.forEach(paused::add);
        Path file = dir.resolve("index.bin");
        StationSnapshotFile.write(original, paused.build(), new StationSnapshotFile.Header("db-1", 42), file);

        StationSnapshotFile.Contents contents = StationSnapshotFile.read(file, bits);
        assertThat(contents.header()).isEqualTo(new StationSnapshotFile.Header("db-1", 42));
        StationSnapshot readSuspended = contents.suspended().build();
        assertThat(readSuspended.size()).isEqualTo(suspendedRows.size());
        for (StationRow row : suspendedRows)
            assertThat(readSuspended.row(readSuspended.slotOf(row.id()))).isEqualTo(row);
        StationSnapshot read = contents.active().build();
        assertThat(read.size()).isEqualTo(rows.size());
        for (StationRow row : rows) {
            int slot = read.slotOf(row.id());
            assertThat(slot).as("seed %d", TestRandom.SEED).isNotNegative();
            assertThat(read.row(slot)).as("seed %d", TestRandom.SEED).isEqualTo(row);
            assertThat(read.amenityBits[slot]).isEqualTo(bits.of(row.amenities()));
        }
        assertThat(read.byRareAmenity.keySet()).isEqualTo(original.byRareAmenity.keySet());

        StationIndex before = new StationIndex(bits), after = new StationIndex(bits);
        before.replaceAll(original);
        after.replaceAll(read);
        for (int q = 0; q < 300; q++) {
            double lat = -90 + random.nextDouble() * 180, lng = -180 + random.nextDouble() * 360;
            List<String> amenities = random.nextBoolean()
                    ? List.of()
                    : List.of(StationRecord.AMENITIES.get(random.nextInt(StationRecord.AMENITIES.size())));
            assertThat(hits(after.nearest(lat, lng, 10, null, amenities, r -> true)))
                    .as("seed %d, query %d", TestRandom.SEED, q)
                    .isEqualTo(hits(before.nearest(lat, lng, 10, null, amenities, r -> true)))
                    .hasSize(10);
        }
    }

    @Test
    void aFileCutShortDamagedOrForAnotherVocabularyIsRefused() throws Exception {
        List<StationRow> rows = new ArrayList<>();
        for (long id = 1; id <= 500; id++) rows.add(CompactSnapshotTest.randomRow(random, id, "active"));
        Path file = dir.resolve("index.bin");
        StationSnapshot.Builder builder = new StationSnapshot.Builder(bits, new StationSnapshot.Dictionaries(), 16);
        rows.forEach(builder::add);
        StationSnapshot active = builder.build();
        StationSnapshot none = new StationSnapshot.Builder(bits, active.dictionaries, 16).build();
        StationSnapshotFile.write(active, none, new StationSnapshotFile.Header("db", 7), file);
        byte[] whole = Files.readAllBytes(file);
        assertThat(StationSnapshotFile.read(file, bits).active().build().size()).isEqualTo(500);

        Path broken = dir.resolve("broken.bin");
        for (int i = 0; i < 20; i++) {
            Files.write(broken, java.util.Arrays.copyOf(whole, random.nextInt(whole.length)));
            assertThatThrownBy(() -> StationSnapshotFile.read(broken, bits))
                    .as("cut short, seed %d", TestRandom.SEED)
                    .isInstanceOf(StationSnapshotFile.Unreadable.class);
            byte[] damaged = whole.clone();
            damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(broken, damaged);
            assertThatThrownBy(() -> StationSnapshotFile.read(broken, bits))
                    .as("one byte changed, seed %d", TestRandom.SEED)
                    .isInstanceOf(StationSnapshotFile.Unreadable.class);
        }
        byte[] longer = java.util.Arrays.copyOf(whole, whole.length + 1);
        Files.write(broken, longer);
        assertThatThrownBy(() -> StationSnapshotFile.read(broken, bits))
                .hasMessageContaining("goes on after its checksum");

        List<String> otherKeys = new ArrayList<>(StationRecord.AMENITIES);
        java.util.Collections.swap(otherKeys, 0, 1);
        assertThatThrownBy(() -> StationSnapshotFile.read(file, new AmenityBits(otherKeys)))
                .hasMessageContaining("amenity vocabulary");
    }

    private static List<String> hits(List<NearestHit> hits) {
        return hits.stream()
                .map(h -> h.station().id() + "@" + h.distanceMeters())
                .toList();
    }
}
