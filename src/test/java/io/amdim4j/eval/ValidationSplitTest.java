package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    @Test
    void stratifiedSeededAndDisjoint() {
        int[] labels = new int[1003];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 1000 ? i % 4 : -1;
        }
        ValidationSplit split = ValidationSplit.carve(labels, 0.1, 7);
        assertThat(split.validation()).hasSize(100);
        assertThat(split.fit()).hasSize(900);
        int[] all = IntStream.concat(Arrays.stream(split.fit()), Arrays.stream(split.validation())).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, 1000).toArray()); // disjoint, unlabelled rows left out
        for (int c = 0; c < 4; c++) {
            int cls = c;
            assertThat(Arrays.stream(split.validation()).filter(r -> labels[r] == cls).count()).isEqualTo(25);
        }
        assertThat(ValidationSplit.carve(labels, 0.1, 7).validation()).isEqualTo(split.validation());
        assertThat(ValidationSplit.carve(labels, 0.1, 8).validation()).isNotEqualTo(split.validation());
    }

    @Test
    void smallClassesStillGiveOneValidationRow() {
        // 4 rows per class at 10%: round(0.4) = 0, raised to 1
        ValidationSplit split = ValidationSplit.carve(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, 0.1, 3);
        assertThat(split.validation()).hasSize(2);
        assertThat(split.fit()).hasSize(6);
    }

    @Test
    void everyClassKeepsARowToFitOn() {
        ValidationSplit split = ValidationSplit.carve(new int[] {0, 1, 1}, 0.9, 1);
        assertThat(split.fit()).contains(0);
        assertThat(split.validation()).hasSize(1);
        assertThatThrownBy(() -> ValidationSplit.carve(new int[] {0}, 1.0, 1)).hasMessageContaining("(0, 1)");
    }
}
