package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import io.amdim4j.WithNDManager;
import ai.djl.training.GradientCollector;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's CPU autocast through JNA. These run on every CPU: without native bfloat16 PyTorch
 * computes bf16 convolutions in software (slowly), with the same rounding.
 */
class AutocastTest extends WithNDManager {

    @Test
    void theScopeTurnsAutocastOnAndClosingTurnsItOff() {
        assertThat(Autocast.isEnabled()).isFalse();
        try (Autocast scope = Autocast.bf16()) {
            assertThat(Autocast.isEnabled()).isTrue();
        }
        assertThat(Autocast.isEnabled()).isFalse();
    }

    @Test
    void anExceptionInsideTheScopeLeavesAutocastOff() {
        assertThatThrownBy(() -> {
            try (Autocast scope = Autocast.bf16()) {
                throw new IllegalStateException("boom");
            }
        }).hasMessage("boom");
        assertThat(Autocast.isEnabled()).isFalse();
    }

    @Test
    void aNestedScopeRestoresTheOuterOneAndTheStateIsPerThread() throws Exception {
        try (Autocast outer = Autocast.bf16()) {
            try (Autocast inner = Autocast.bf16()) {
                assertThat(Autocast.isEnabled()).isTrue();
            }
            assertThat(Autocast.isEnabled()).isTrue();
            assertThat(CompletableFuture.supplyAsync(Autocast::isEnabled).get()).isFalse();
            assertThatThrownBy(() -> CompletableFuture.runAsync(outer::close).join())
                    .hasMessageContaining("thread that opened it");
        }
        assertThat(Autocast.isEnabled()).isFalse();
    }

    @Test
    void convolutionsRunInBfloat16AndWeightGradientsComeBackInFloat32() {
        Engine.getInstance().setRandomSeed(3);
        NDArray x = manager.randomNormal(new Shape(4, 8, 6, 6));
        NDArray w32 = manager.randomNormal(new Shape(16, 8, 3, 3)).mul(0.1);
        NDArray wBf = w32.duplicate();
        w32.setRequiresGradient(true);
        wBf.setRequiresGradient(true);
        float[] exact = convLossGradient(x, w32, false);
        float[] mixed = convLossGradient(x, wBf, true);
        assertThat(wBf.getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat(wBf.getGradient().getDataType()).isEqualTo(DataType.FLOAT32);
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < exact.length; i++) {
            scale = Math.max(scale, Math.abs(exact[i]));
            diff = Math.max(diff, Math.abs(exact[i] - mixed[i]));
        }
        // bfloat16 keeps 8 significant bits: a relative error of a few 2^-8 but not zero
        assertThat(diff / scale).isLessThan(0.05).isGreaterThan(0);
    }

    /** Gradient of sum(conv(x, w)²) with respect to w, the convolution under autocast or not. */
    private float[] convLossGradient(NDArray x, NDArray w, boolean bf16) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList y;
            if (bf16) {
                try (Autocast scope = Autocast.bf16()) {
                    y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1);
                }
                assertThat(y.head().getDataType()).as("bfloat16 reads back as UNKNOWN").isEqualTo(DataType.UNKNOWN);
                y = Autocast.toFloat32(y);
            } else {
                y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1);
            }
            assertThat(y.head().getDataType()).isEqualTo(DataType.FLOAT32);
            collector.backward(y.head().square().sum());
        }
        return w.getGradient().toFloatArray();
    }

    @Test
    void toFloat32LeavesFloat32ArraysAlone() {
        NDArray a = manager.ones(new Shape(2, 3));
        assertThat(Autocast.toFloat32(new NDList(a)).head()).isSameAs(a);
    }

    @Test
    void aWeightCastOutsideTheCollectorIsNotReusedInsideIt() {
        // with autocast's weight-cast cache on, the bf16 copy of w made by the inference pass has no
        // gradient function and is reused by the training pass: backward fails with "does not require grad"
        NDArray x = manager.randomNormal(new Shape(2, 4, 5, 5));
        NDArray w = manager.randomNormal(new Shape(4, 4, 3, 3));
        w.setRequiresGradient(true);
        try (Autocast scope = Autocast.bf16()) {
            Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList y = Autocast.toFloat32(
                        Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1));
                collector.backward(y.head().square().sum());
            }
        }
        float sum = w.getGradient().abs().sum().getFloat();
        assertThat(sum).isPositive().isFinite();
    }
}
