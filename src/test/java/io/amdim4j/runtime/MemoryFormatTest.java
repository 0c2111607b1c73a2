package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import io.amdim4j.WithNDManager;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryFormatTest extends WithNDManager {

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void nhwcOrderMovesTheChannelInnermost() {
        // N=1, C=2, H=1, W=3: channel planes [0 1 2] and [10 11 12]
        float[] nchw = {0, 1, 2, 10, 11, 12};
        assertThat(MemoryFormat.toNhwc(nchw, new Shape(1, 2, 1, 3))).containsExactly(0, 10, 1, 11, 2, 12);
    }

    @Test
    void bothLayoutsHoldTheSameNchwValuesAndConvolveAlike() {
        Shape shape = new Shape(2, 3, 5, 4);
        float[] pixels = random((int) shape.size(), 1);
        NDArray plain = MemoryFormat.CONTIGUOUS.input(manager, pixels, shape);
        NDArray last = MemoryFormat.CHANNELS_LAST.input(manager, pixels, shape);
        assertThat(last.getShape()).isEqualTo(shape);
        assertThat(last.toFloatArray()).containsExactly(pixels);
        assertThat(plain.toFloatArray()).containsExactly(pixels);
        NDArray w = manager.create(random(6 * 3 * 3 * 3, 2), new Shape(6, 3, 3, 3));
        float[] a = Conv2d.conv2d(plain, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow().toFloatArray();
        float[] b = Conv2d.conv2d(last, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow().toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], org.assertj.core.api.Assertions.within(1e-4f));
        }
    }

    @Test
    void parsingNamesTheChoicesAndAutoIsNeverALayout() {
        assertThat(OptionNames.parse(MemoryFormat.values(), "Channels_Last", "memory format")).isEqualTo(MemoryFormat.CHANNELS_LAST);
        assertThatThrownBy(() -> OptionNames.parse(MemoryFormat.values(), "nhwc", "memory format"))
                .hasMessage("memory format must be one of contiguous, channels_last, auto; got 'nhwc'");
        assertThatThrownBy(() -> MemoryFormat.AUTO.input(manager, new float[1], new Shape(1, 1, 1, 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MemoryFormat.CONTIGUOUS.input(manager, new float[5], new Shape(1, 1, 2, 2)))
                .hasMessageContaining("cannot have shape");
    }
}
