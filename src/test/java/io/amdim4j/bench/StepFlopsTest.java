package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.model.EncoderConfig;
import org.junit.jupiter.api.Test;

class StepFlopsTest {

    private static EncoderConfig cifar(int ndf, int nRkhs, int nDepth) {
        return new EncoderConfig(32, 3, ndf, nRkhs, nDepth, false);
    }

    /** k×k conv from cIn to cOut channels with an out×out output: multiply-adds per image. */
    private static long conv(int k, long cIn, long cOut, int out) {
        return k * k * cIn * cOut * out * out;
    }

    @Test
    void encoderMacsMatchTheConvolutionsOfTheThirtyTwoPixelTableWrittenOut() {
        // spec §2.3, 32 px, F = 64, R = 512, d = 3: every convolution listed by hand
        long trunk = conv(3, 3, 64, 30)                                           // stem
                + conv(1, 64, 64, 30) + conv(1, 64, 64, 30)                      // RU(1,1): K1, K2
                + conv(4, 64, 128, 14) + conv(1, 128, 128, 14) + 4 * conv(1, 128, 128, 14) // RB(4,2)
                + conv(2, 128, 256, 7) + conv(1, 256, 256, 7) + 4 * conv(1, 256, 256, 7)   // RB(2,2)
                + conv(3, 256, 256, 5) + conv(1, 256, 256, 5) + 4 * conv(1, 256, 256, 5)   // RB(3,1) -> tap5
                + conv(3, 256, 256, 3) + conv(1, 256, 256, 3) + 4 * conv(1, 256, 256, 3)   // RB(3,1)
                + conv(3, 256, 512, 1) + conv(1, 512, 512, 1);                             // RU(3,1) -> r1
        long heads = (49 + 25) * (256L * 512 + 512L * 512 + 256L * 512);                    // φ7 and φ5
        assertThat(StepFlops.encoderForwardMacs(cifar(64, 512, 3))).isEqualTo(trunk + heads);
    }

    @Test
    void updateCountsAgreeWithTheReferenceFiguresOfTheSpeedIssue() {
        // the speed issue quotes 29, 113 and 447 GFLOP per update of 64 pairs for these encoders
        assertThat(StepFlops.perUpdate(cifar(32, 256, 3), 64, 10) / 1e9).isCloseTo(29, within(1.0));
        assertThat(StepFlops.perUpdate(cifar(64, 512, 3), 64, 10) / 1e9).isCloseTo(113, within(2.0));
        assertThat(StepFlops.perUpdate(cifar(128, 1024, 3), 64, 10) / 1e9).isCloseTo(447, within(5.0));
    }

    @Test
    void theEncoderPartScalesWithTheBatchAndTheScorePartWithItsSquare() {
        EncoderConfig c = cifar(32, 256, 1);
        // per pair: 2 FLOP per multiply-add × (forward + weight gradient) × 2 rows (both views' r1)
        long probes = 2L * 2 * 2 * (256L * 1024 + 1024L * 10 + 256L * 10);
        // per pair: 2 FLOP × (forward + backward = 3 forwards) × 2 views
        long encoder = 2L * 3 * 2 * StepFlops.encoderForwardMacs(c);
        // per pair²: 2 FLOP × 3 forwards × R × the L of the six directed terms
        long scores = 2L * 3 * 256 * (25 + 25 + 49 + 25 + 25 + 49);
        for (int n : new int[] {2, 8, 64}) {
            long expected = n * encoder + (long) n * n * scores + n * probes;
            assertThat(StepFlops.perUpdate(c, n, 10)).as("N = %d", n).isEqualTo(expected);
        }
    }

    @Test
    void largerInputsCostMore() {
        EncoderConfig stl = new EncoderConfig(64, 3, 32, 256, 3, false);
        EncoderConfig imagenet = new EncoderConfig(128, 3, 32, 256, 3, false);
        assertThat(StepFlops.encoderForwardMacs(stl)).isGreaterThan(StepFlops.encoderForwardMacs(cifar(32, 256, 3)));
        assertThat(StepFlops.encoderForwardMacs(imagenet)).isGreaterThan(StepFlops.encoderForwardMacs(stl));
    }
}
