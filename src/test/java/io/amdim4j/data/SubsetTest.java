package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubsetTest {

    /** 100 samples: labels 0, 1, 2 in proportions 50/30/20, then unlabelled ones at every 10th. */
    private static ImageDataset source() {
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i % 10 == 9 ? Sample.UNLABELLED : i < 50 ? 0 : i < 80 ? 1 : 2;
        }
        return new ListDataset(labels, List.of("a", "b", "c"));
    }

    @Test
    void viewsTheChosenIndicesInOrder() {
        ImageDataset source = source();
        Subset subset = new Subset(source, new int[] {5, 60, 5}, "pick");
        assertThat(subset.size()).isEqualTo(3);
        assertThat(subset.get(1).image().get(0, 0, 0)).isEqualTo(60);
        assertThat(subset.label(1)).isEqualTo(1);
        assertThat(subset.sourceIndex(2)).isEqualTo(5);
        assertThat(subset.classNames()).isEqualTo(source.classNames());
        assertThatThrownBy(() -> new Subset(source, new int[] {100}, "bad")).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void holdOutSplitsIntoDisjointCoveringParts() {
        Subset.Partition parts = Subset.holdOut(source(), 0.2, 3);
        assertThat(parts.heldOut().size()).isEqualTo(20);
        assertThat(parts.rest().size()).isEqualTo(80);
        Set<Integer> all = new HashSet<>();
        for (Subset s : List.of(parts.heldOut(), parts.rest())) {
            for (int i = 0; i < s.size(); i++) {
                assertThat(all.add(s.sourceIndex(i))).isTrue();
            }
        }
        assertThat(all).hasSize(100);
        assertThat(Subset.holdOut(source(), 0.2, 3).heldOut().sourceIndex(7)).isEqualTo(parts.heldOut().sourceIndex(7));
    }

    @Test
    void labelFractionIsBalancedPerClassAndSkipsUnlabelled() {
        ImageDataset source = source();
        int[] perClass = new int[3];
        for (int i = 0; i < source.size(); i++) {
            if (source.label(i) >= 0) {
                perClass[source.label(i)]++;
            }
        }
        Subset tenth = Subset.labelFraction(source, 0.1, 1);
        int[] chosen = new int[3];
        Set<Integer> distinct = new HashSet<>();
        for (int i = 0; i < tenth.size(); i++) {
            chosen[tenth.label(i)]++;
            distinct.add(tenth.sourceIndex(i));
        }
        for (int c = 0; c < 3; c++) {
            assertThat(chosen[c]).isEqualTo((int) Math.round(0.1 * perClass[c]));
        }
        assertThat(distinct).hasSize(tenth.size());
        assertThat(IntStream.range(0, tenth.size()).map(tenth::sourceIndex).toArray()).isSorted();
        assertThatThrownBy(() -> Subset.labelFraction(source, 0, 1)).hasMessageContaining("(0, 1]");
    }
}
