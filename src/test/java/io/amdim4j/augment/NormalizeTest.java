package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizeTest {

    @Test
    void presetsUseTheSpecStatistics() {
        assertThat(Normalize.cifar().mean()).containsExactly(125.3 / 255, 123.0 / 255, 113.9 / 255);
        assertThat(Normalize.cifar().std()).containsExactly(63.0 / 255, 62.1 / 255, 66.7 / 255);
        assertThat(Normalize.stl().mean()).containsExactly(0.43, 0.42, 0.39);
        assertThat(Normalize.stl().std()).containsExactly(0.27, 0.26, 0.27);
        assertThat(Normalize.imagenet().mean()).containsExactly(0.485, 0.456, 0.406);
        assertThat(Normalize.imagenet().std()).containsExactly(0.229, 0.224, 0.225);
        assertThat(Normalize.gray28().mean()).containsExactly(0.2860);
        assertThat(Normalize.gray28().std()).containsExactly(0.3530);
    }

    @Test
    void subtractsMeanAndDividesByStdPerChannel() {
        FloatImage x = SyntheticImages.uniform(3, 2, 2, 0, 1, 1);
        FloatImage y = x.copy();
        Normalize.stl().applyInPlace(y);
        double[] m = {0.43, 0.42, 0.39};
        double[] s = {0.27, 0.26, 0.27};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 4; i++) {
                assertThat((double) y.data()[c * 4 + i]).isCloseTo((x.data()[c * 4 + i] - m[c]) / s[c], within(1e-5));
            }
        }
    }

    @Test
    void rejectsMismatches() {
        assertThatThrownBy(() -> Normalize.gray28().applyInPlace(FloatImage.zeros(3, 2, 2)))
                .hasMessageContaining("1 channel");
        assertThatThrownBy(() -> new Normalize(List.of(0.5, 0.5), List.of(0.2, 0.2))).hasMessageContaining("mean");
        assertThatThrownBy(() -> new Normalize(List.of(0.5), List.of(0.0))).hasMessageContaining("std");
    }
}
