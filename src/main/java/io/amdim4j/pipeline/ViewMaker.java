package io.amdim4j.pipeline;

import io.amdim4j.data.Sample;
import java.util.random.RandomGenerator;

/**
 * Turns one sample into its views (two for pre-training, one for testing). Every random draw
 * must come from {@code rng}, which the loader derives from (seed, epoch, index): that is what
 * makes batches independent of the thread count and of resumption.
 */
@FunctionalInterface
public interface ViewMaker {

    /** One float CHW image per view; all calls must return the same number of views and shapes. */
    View[] make(Sample sample, RandomGenerator rng);

    /** A view's pixels with its geometry. */
    record View(int channels, int height, int width, float[] data) {
        public View {
            if (data.length != channels * height * width) {
                throw new IllegalArgumentException("view data has " + data.length + " values, expected "
                        + channels + "x" + height + "x" + width);
            }
        }
    }
}
