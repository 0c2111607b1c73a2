package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelFractionTest {

    /** 60,000 labels, 6,000 per class as in Fashion-MNIST, shuffled, plus 500 unlabelled rows. */
    private static int[] fashionMnistLabels() {
        int[] labels = new int[60_500];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 60_000 ? i % 10 : -1;
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return labels;
    }

    private static int[] perClass(int[] labels, int[] rows, int classes) {
        int[] counts = new int[classes];
        for (int row : rows) {
            counts[labels[row]]++;
        }
        return counts;
    }

    @Test
    void onePercentOfFashionMnistIsSixtyPerClass() {
        int[] labels = fashionMnistLabels();
        int[] rows = new LabelFraction(0.01).sample(labels, 3);
        assertThat(rows.length).isEqualTo(600); // 1% of the 60,000 labelled rows; unlabelled rows do not count
        assertThat(Arrays.stream(rows).allMatch(r -> labels[r] >= 0)).isTrue();
        assertThat(Arrays.stream(rows).distinct().count()).isEqualTo(rows.length);
        assertThat(Arrays.equals(rows, Arrays.stream(rows).sorted().toArray())).isTrue();
        assertThat(perClass(labels, rows, 10)).containsOnly(60);
    }

    @Test
    void sameSeedSameSubsetOtherSeedOtherSubset() {
        int[] labels = fashionMnistLabels();
        LabelFraction tenth = new LabelFraction(0.1);
        assertThat(Arrays.equals(tenth.sample(labels, 9), tenth.sample(labels, 9))).isTrue();
        assertThat(Arrays.equals(tenth.sample(labels, 9), tenth.sample(labels, 10))).isFalse();
        assertThat(perClass(labels, tenth.sample(labels, 10), 10)).containsOnly(600);
    }

    @Test
    void allMeansEveryLabelledRow() {
        int[] labels = {3, -1, 0, 1, -1, 2};
        assertThat(LabelFraction.ALL.sample(labels, 1)).containsExactly(0, 2, 3, 5);
        assertThat(LabelFraction.ALL.isAll()).isTrue();
    }

    @Test
    void smallClassesGiveWhatTheyHave() {
        int[] labels = new int[110];
        for (int i = 0; i < 100; i++) {
            labels[i] = 0;
        }
        for (int i = 100; i < 110; i++) {
            labels[i] = 1;
        }
        // 50% of 110 = 55 rows: 28 + 27 wanted, class 1 has only 10
        int[] counts = perClass(labels, new LabelFraction(0.5).sample(labels, 1), 2);
        assertThat(counts[1]).isEqualTo(10);
        assertThat(counts[0]).isBetween(27, 28);
    }

    @Test
    void rejectsFractionsOutsideTheRangeAndSubsetsSmallerThanTheClasses() {
        assertThatThrownBy(() -> new LabelFraction(0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new LabelFraction(1.5)).hasMessageContaining("(0, 1]");
        int[] labels = {0, 1, 2, 0, 1, 2};
        assertThatThrownBy(() -> new LabelFraction(0.2).sample(labels, 1)).hasMessageContaining("one per class");
    }
}
