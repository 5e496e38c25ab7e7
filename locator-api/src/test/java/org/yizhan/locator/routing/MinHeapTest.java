package org.yizhan.locator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yizhan.locator.support.TestRandom;

/**
 * The one primitive heap that Dijkstra ({@link PointsOnRoads}) and the k-d tree's nearest walk
 * share: entries come out in key order, past its initial capacity, with repeated keys, after clear.
 */
@ExtendWith(TestRandom.class)
class MinHeapTest {

    private record Entry(double key, int node) {}

    @Test
    void popsInKeyOrderWithRepeatedKeysAndPastItsInitialCapacity() {
        Random random = TestRandom.current();
        MinHeap heap = new MinHeap();
        List<Entry> pushed = new ArrayList<>();
        for (int node = 0; node < 1_000; node++) {
            // Few distinct keys, so many are equal, as queued distances on a grid of streets are.
            Entry entry = new Entry(random.nextInt(50) / 4.0, node);
            pushed.add(entry);
            heap.push(entry.key(), entry.node());
        }
        pushed.sort(Comparator.comparingDouble(Entry::key));

        List<Double> keys = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        while (!heap.isEmpty()) {
            keys.add(heap.topKey());
            nodes.add(heap.pop());
        }
        assertThat(keys)
                .isSorted()
                .containsExactlyElementsOf(pushed.stream().map(Entry::key).toList());
        assertThat(nodes)
                .containsExactlyInAnyOrderElementsOf(
                        pushed.stream().map(Entry::node).toList());
    }

    @Test
    void popsEachNodeWithItsOwnKey() {
        MinHeap heap = new MinHeap();
        heap.push(3.0, 30);
        heap.push(1.0, 10);
        heap.push(2.0, 20);
        heap.push(1.5, 15);
        assertThat(heap.topKey()).isEqualTo(1.0);
        assertThat(heap.pop()).isEqualTo(10);
        assertThat(heap.topKey()).isEqualTo(1.5);
        assertThat(heap.pop()).isEqualTo(15);
        heap.push(0.5, 5);
        assertThat(heap.pop()).isEqualTo(5);
        assertThat(heap.pop()).isEqualTo(20);
        assertThat(heap.pop()).isEqualTo(30);
        assertThat(heap.isEmpty()).isTrue();
    }

    @Test
    void clearEmptiesItForTheNextSearch() {
        MinHeap heap = new MinHeap();
        heap.push(2.0, 2);
        heap.push(1.0, 1);
        heap.clear();
        assertThat(heap.isEmpty()).isTrue();
        heap.push(4.0, 4);
        assertThat(heap.pop()).isEqualTo(4);
        assertThat(heap.isEmpty()).isTrue();
    }
}
