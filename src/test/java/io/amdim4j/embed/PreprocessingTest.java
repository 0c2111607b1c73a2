package io.amdim4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.data.RawImage;
import io.amdim4j.data.Sample;
import io.amdim4j.pipeline.ViewMaker;
import io.amdim4j.run.RunJson;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test-time preprocessing of spec §5.5, step by step. */
class PreprocessingTest {

    private static final double EXACT = 1e-6;

    @Test
    void cifarOnlyNormalisesWithTheSpecMeanAndStd() {
        RawImage image = randomImage(3, 32, 32, 1);
        float[] out = Preprocessing.cifar().apply(image);
        double[] mean = {125.3, 123.0, 113.9};
        double[] std = {63.0, 62.1, 66.7};
        assertThat(out).hasSize(3 * 32 * 32);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    double expected = (image.get(c, y, x) - mean[c]) / std[c];
                    assertThat((double) out[(c * 32 + y) * 32 + x]).isCloseTo(expected, within(EXACT));
                }
            }
        }
    }

    @Test
    void grayscale28IsZeroPaddedTo32BeforeNormalising() {
        RawImage image = randomImage(1, 28, 28, 2);
        float[] out = Preprocessing.grayscale28().apply(image);
        assertThat(out).hasSize(32 * 32);
        double border = (0 - 0.2860) / 0.3530;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean inside = y >= 2 && y < 30 && x >= 2 && x < 30;
                double expected = inside ? (image.get(0, y - 2, x - 2) / 255.0 - 0.2860) / 0.3530 : border;
                assertThat((double) out[y * 32 + x]).as("(%d, %d)", y, x).isCloseTo(expected, within(EXACT));
            }
        }
    }

    @Test
    void rgbBecomesTheRoundedLumaForAOneChannelModel() {
        // a 1×2 RGB image, planar: R = (200, 10), G = (30, 255), B = (0, 77); the preprocessing only rescales
        RawImage rgb = new RawImage(3, 1, 2, new byte[] {(byte) 200, 10, 30, (byte) 255, 0, 77});
        Preprocessing pixelValues = new Preprocessing(1, 1, List.of(0.0), List.of(1 / 255.0), 0, 0, 0);
        RawImage firstPixel = new RawImage(3, 1, 1, new byte[] {(byte) 200, 30, 0});
        RawImage secondPixel = new RawImage(3, 1, 1, new byte[] {10, (byte) 255, 77});
        // L = round(0.299 R + 0.587 G + 0.114 B) (spec §5.3, rounded to 8 bits as DJL's GRAYSCALE does)
        assertThat((double) pixelValues.apply(firstPixel)[0]).isCloseTo(77, within(EXACT * 100));
        assertThat((double) pixelValues.apply(secondPixel)[0]).isCloseTo(161, within(EXACT * 100));
        assertThatThrownBy(() -> pixelValues.apply(rgb)).hasMessageContaining("1×2");
    }

    @Test
    void grayIsReplicatedForAThreeChannelModel() {
        RawImage gray = randomImage(1, 32, 32, 3);
        float[] out = Preprocessing.cifar().apply(gray);
        double[] mean = {125.3, 123.0, 113.9};
        double[] std = {63.0, 62.1, 66.7};
        for (int c = 0; c < 3; c++) {
            double expected = (gray.get(0, 5, 7) - mean[c]) / std[c];
            assertThat((double) out[(c * 32 + 5) * 32 + 7]).isCloseTo(expected, within(EXACT));
        }
    }

    @Test
    void imagesOfTheWrongSizeAreRefusedWithBothSizes() {
        assertThatThrownBy(() -> Preprocessing.cifar().apply(randomImage(3, 30, 30, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30×30")
                .hasMessageContaining("32×32");
        assertThatThrownBy(() -> Preprocessing.grayscale28().apply(randomImage(1, 32, 32, 4)))
                .hasMessageContaining("36×36");
    }

    @ParameterizedTest(name = "{0}×{1} → {2}×{3}")
    @CsvSource({"96, 96, 70, 70", "96, 120, 70, 87", "120, 96, 87, 70", "70, 100, 70, 100", "64, 64, 70, 70",
        "500, 375, 194, 146"})
    void shorterSideBecomesTheTargetAndTheLongerIsTruncated(int h, int w, int outH, int outW) {
        assertThat(PixelPlanes.shorterSideTo(h, w, Math.min(outH, outW))).containsExactly(outH, outW);
    }

    @Test
    void stl10ResizesAStl10ImageToTheReferencePixels() {
        // a 96×96 STL-10 image: bicubic to 70×70 (BicubicResizeTest checks it against Pillow), crop at (3, 3)
        RawImage image = randomImage(3, 96, 96, 8);
        float[] planes = new float[3 * 96 * 96];
        for (int i = 0; i < planes.length; i++) {
            planes[i] = image.pixels()[i] & 0xFF;
        }
        float[] resized = BicubicResize.resize(planes, 3, 96, 96, 70, 70);
        float[] out = Preprocessing.stl10().apply(image);
        double[] mean = {0.43, 0.42, 0.39};
        double[] std = {0.27, 0.26, 0.27};
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    double expected = (resized[(c * 70 + y + 3) * 70 + x + 3] / 255.0 - mean[c]) / std[c];
                    assertThat((double) out[(c * 64 + y) * 64 + x]).isCloseTo(expected, within(EXACT));
                }
            }
        }
    }

    @Test
    void stl10ResizesThenCropsTheCentre() {
        // an image already 70 px on its shorter side is not resized, only cropped: offsets (3, 18)
        RawImage image = randomImage(3, 70, 100, 6);
        float[] out = Preprocessing.stl10().apply(image);
        assertThat(out).hasSize(3 * 64 * 64);
        double[] mean = {0.43, 0.42, 0.39};
        double[] std = {0.27, 0.26, 0.27};
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 64; y += 9) {
                for (int x = 0; x < 64; x += 7) {
                    double expected = (image.get(c, y + 3, x + 18) / 255.0 - mean[c]) / std[c];
                    assertThat((double) out[(c * 64 + y) * 64 + x]).isCloseTo(expected, within(EXACT));
                }
            }
        }
    }

    @ParameterizedTest(name = "width {0} → left offset {1}")
    @CsvSource({"64, 0", "70, 3", "71, 4", "73, 4", "75, 6"})
    void centreCropRoundsHalfToEvenAsPythonDoes(int width, int left) {
        float[] ramp = new float[width];
        for (int x = 0; x < width; x++) {
            ramp[x] = x;
        }
        float[] wide = new float[64 * width];
        for (int y = 0; y < 64; y++) {
            System.arraycopy(ramp, 0, wide, y * width, width);
        }
        float[] cropped = PixelPlanes.centerCrop(wide, 1, 64, width, 64);
        assertThat(cropped[0]).isEqualTo((float) left);
        assertThat(cropped[63]).isEqualTo((float) left + 63);
    }

    @Test
    void viewMakerGivesOneViewAndIgnoresItsRandomStream() {
        RawImage image = randomImage(1, 28, 28, 7);
        ViewMaker.View[] views = Preprocessing.grayscale28().viewMaker().make(new Sample(image, 3), null);
        assertThat(views).hasSize(1);
        assertThat(views[0].channels()).isEqualTo(1);
        assertThat(views[0].height()).isEqualTo(32);
        assertThat(views[0].data()).containsExactly(Preprocessing.grayscale28().apply(image));
    }

    @Test
    void presetsFitTheirEncoderSizes() {
        assertThat(Preprocessing.cifar().inputSize()).isEqualTo(32);
        assertThat(Preprocessing.grayscale28().channels()).isEqualTo(1);
        assertThat(Preprocessing.stl10().centerCrop()).isEqualTo(64);
        assertThat(Preprocessing.stl10().resizeShorterSide()).isEqualTo(70);
        assertThat(Preprocessing.imagenet().centerCrop()).isEqualTo(128);
        assertThat(Preprocessing.imagenet().resizeShorterSide()).isEqualTo(146);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        for (Preprocessing p : List.of(Preprocessing.cifar(), Preprocessing.grayscale28(), Preprocessing.stl10(),
                Preprocessing.imagenet())) {
            String json = RunJson.mapper().writeValueAsString(p);
            assertThat(RunJson.mapper().readValue(json, Preprocessing.class)).isEqualTo(p);
        }
        assertThat(RunJson.mapper().writeValueAsString(Preprocessing.grayscale28()))
                .contains("\"resize_shorter_side\" : 0", "\"padding\" : 2", "\"mean\" : [ 0.286 ]");
    }

    @Test
    void invalidSettingsNameTheField() {
        List<Double> one = List.of(0.5);
        assertThatThrownBy(() -> new Preprocessing(32, 3, one, one, 0, 0, 0))
                .hasMessageContaining("one mean and one std");
        assertThatThrownBy(() -> new Preprocessing(32, 1, one, List.of(0.0), 0, 0, 0)).hasMessageContaining("std");
        assertThatThrownBy(() -> new Preprocessing(32, 2, one, one, 0, 0, 0)).hasMessageContaining("channels");
        assertThatThrownBy(() -> new Preprocessing(32, 1, one, one, -1, 0, 0)).hasMessageContaining("padding");
        assertThatThrownBy(() -> new Preprocessing(64, 1, one, one, 0, 70, 0)).hasMessageContaining("centerCrop");
        assertThatThrownBy(() -> new Preprocessing(64, 1, one, one, 0, 60, 64))
                .hasMessageContaining("resizeShorterSide");
        assertThatThrownBy(() -> new Preprocessing(64, 1, one, one, 0, 70, 60)).hasMessageContaining("centerCrop");
    }

    private static RawImage randomImage(int channels, int h, int w, long seed) {
        byte[] px = new byte[channels * h * w];
        new Random(seed).nextBytes(px);
        return new RawImage(channels, h, w, px);
    }
}
