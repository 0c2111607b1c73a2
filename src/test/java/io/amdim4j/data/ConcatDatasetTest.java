package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConcatDatasetTest {

    @Test
    void readsPartsInOrderAndKeepsLabelledClassNames() {
        ImageDataset labelled = new ListDataset(new int[] {1, 0}, List.of("x", "y"));
        ImageDataset unlabelled = new ListDataset(new int[] {-1, -1, -1}, List.of());
        ConcatDataset both = new ConcatDataset("both", List.of(labelled, unlabelled));

        assertThat(both.size()).isEqualTo(5);
        assertThat(both.get(1).label()).isZero();
        assertThat(both.get(2).image().get(0, 0, 0)).isZero(); // first sample of the second part
        assertThat(both.label(4)).isEqualTo(Sample.UNLABELLED);
        assertThat(both.classNames()).containsExactly("x", "y");
        assertThatThrownBy(() -> both.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsDisagreeingClassNames() {
        assertThatThrownBy(() -> new ConcatDataset("bad", List.of(
                new ListDataset(new int[] {0}, List.of("x")), new ListDataset(new int[] {0}, List.of("y")))))
                .hasMessageContaining("class names");
    }
}
