package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeaturesTest {

    private static Features threeRows() {
        return Features.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {2, -1, 0});
    }

    @Test
    void rowsSubsetsAndLabelledRows() {
        Features f = threeRows();
        assertThat(f.row(1)).containsExactly(3, 4);
        Features picked = f.subset(new int[] {2, 0, 2});
        assertThat(picked.values()).containsExactly(5, 6, 1, 2, 5, 6);
        assertThat(picked.labels()).containsExactly(0, 2, 0);
        Features labelled = f.labelled();
        assertThat(labelled.values()).containsExactly(1, 2, 5, 6);
        assertThat(labelled.labels()).containsExactly(2, 0);
        assertThat(f.labelledRows()).containsExactly(0, 2);
        assertThat(f.classCount()).isEqualTo(3);
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatThrownBy(() -> new Features(new float[5], 2, 2, new int[2])).hasMessageContaining("5 values");
        assertThatThrownBy(() -> new Features(new float[4], 2, 2, new int[3])).hasMessageContaining("3 labels");
        assertThatThrownBy(() -> new Features(new float[4], 2, 2, new int[] {0, -2})).hasMessageContaining("row 1");
        assertThatThrownBy(() -> Features.of(new float[][] {{1}, {1, 2}}, new int[2])).hasMessageContaining("row 1");
        assertThatThrownBy(() -> threeRows().subset(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
