package io.amdim4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.data.RawImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a DJL image's interleaved RGB bytes become the planar image the test transform takes. */
class EncoderTranslatorTest {

    private static final int H = 3;
    private static final int W = 5;

    @Test
    void threeChannelsArePlanarInRgbOrder() {
        byte[] hwc = randomBytes(3 * H * W, 1);
        RawImage image = EncoderTranslator.toRawImage(hwc, H, W, 3);
        assertThat(image.channels()).isEqualTo(3);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(image.get(c, y, x)).isEqualTo(hwc[(y * W + x) * 3 + c] & 0xFF);
                }
            }
        }
    }

    @Test
    void oneChannelIsTheLumaRoundedToEightBits() {
        byte[] hwc = randomBytes(3 * H * W, 2);
        RawImage image = EncoderTranslator.toRawImage(hwc, H, W, 1);
        assertThat(image.channels()).isEqualTo(1);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = (y * W + x) * 3;
                // spec §5.3: L = 0.299R + 0.587G + 0.114B
                double luma = 0.299 * (hwc[i] & 0xFF) + 0.587 * (hwc[i + 1] & 0xFF) + 0.114 * (hwc[i + 2] & 0xFF);
                assertThat((double) image.get(0, y, x)).isCloseTo(luma, within(0.5 + 1e-4));
            }
        }
    }

    @Test
    void greyPixelsKeepTheirValueInOneChannel() {
        byte[] hwc = new byte[3 * 256];
        for (int v = 0; v < 256; v++) {
            hwc[3 * v] = (byte) v;
            hwc[3 * v + 1] = (byte) v;
            hwc[3 * v + 2] = (byte) v;
        }
        RawImage image = EncoderTranslator.toRawImage(hwc, 1, 256, 1);
        for (int v = 0; v < 256; v++) {
            assertThat(image.get(0, 0, v)).isEqualTo(v);
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
