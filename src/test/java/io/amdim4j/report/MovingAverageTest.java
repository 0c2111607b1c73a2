package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MovingAverageTest {

    @Test
    void eachValueIsTheMeanOfItsClippedWindow() {
        SplittableRandom random = new SplittableRandom(1);
        double[] values = new double[37];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-10, 10);
        }
        for (int half : new int[] {0, 1, 3, 40}) {
            double[] smooth = MovingAverage.centred(values, half);
            for (int i = 0; i < values.length; i++) {
                double sum = 0;
                int count = 0;
                for (int j = i - half; j <= i + half; j++) {
                    if (j >= 0 && j < values.length) {
                        sum += values[j];
                        count++;
                    }
                }
                assertThat(smooth[i]).isCloseTo(sum / count, within(1e-12));
            }
        }
    }

    @Test
    void theWindowGrowsWithTheCurve() {
        assertThat(MovingAverage.halfWidth(10)).isZero();
        assertThat(MovingAverage.halfWidth(300)).isEqualTo(3);
        assertThat(MovingAverage.halfWidth(100_000)).isEqualTo(1000);
    }
}
