package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final SplittableRandom random = new SplittableRandom(8);

    @Test
    void rgbPngRoundTripsExactly() throws IOException {
        RawImage image = FormatWriters.randomImage(random, 3, 5, 7);
        RawImage decoded = ImageDecoder.rgb().decode(FormatWriters.encode(image, "png"));
        assertThat(decoded).usingRecursiveComparison().isEqualTo(image);
    }

    @Test
    void grayPngKeepsItsValuesInAllThreeChannels() throws IOException {
        // Through getRGB Java would treat 8-bit gray as linear and brighten it; values must stay exact.
        RawImage gray = FormatWriters.randomImage(random, 1, 4, 6);
        RawImage decoded = ImageDecoder.rgb().decode(FormatWriters.encode(gray, "png"));
        assertThat(decoded.channels()).isEqualTo(3);
        for (int c = 0; c < 3; c++) {
            assertThat(Arrays.copyOfRange(decoded.pixels(), c * 24, (c + 1) * 24)).isEqualTo(gray.pixels());
        }
        assertThat(new ImageDecoder(1).decode(FormatWriters.encode(gray, "png"))).usingRecursiveComparison()
                .isEqualTo(gray);
    }

    @Test
    void colourToOneChannelUsesSpecLuma() throws IOException {
        RawImage image = FormatWriters.randomImage(random, 3, 3, 3);
        RawImage gray = new ImageDecoder(1).decode(FormatWriters.encode(image, "png"));
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                double luma = 0.299 * image.get(0, y, x) + 0.587 * image.get(1, y, x) + 0.114 * image.get(2, y, x);
                assertThat(gray.get(0, y, x)).isEqualTo((int) Math.round(luma));
            }
        }
    }

    @Test
    void jpegDecodesToTheRightSizeAndApproximateValues() throws IOException {
        // A smooth gradient survives JPEG compression with small errors.
        byte[] pixels = new byte[3 * 16 * 16];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    pixels[(c * 16 + y) * 16 + x] = (byte) (40 + 8 * x + 4 * y + 20 * c);
                }
            }
        }
        RawImage image = new RawImage(3, 16, 16, pixels);
        RawImage decoded = ImageDecoder.rgb().decode(FormatWriters.encode(image, "jpg"));
        assertThat(decoded.height()).isEqualTo(16);
        assertThat(decoded.width()).isEqualTo(16);
        double meanError = 0;
        for (int i = 0; i < pixels.length; i++) {
            meanError += Math.abs((pixels[i] & 0xFF) - (decoded.pixels()[i] & 0xFF));
        }
        assertThat(meanError / pixels.length).isLessThan(6);
    }

    @Test
    void garbageIsNotDecodable() {
        assertThatThrownBy(() -> ImageDecoder.rgb().decode("not an image".getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a decodable image");
    }

    @Test
    void truncatedPngFails() throws IOException {
        byte[] png = FormatWriters.encode(FormatWriters.randomImage(random, 3, 20, 20), "png");
        assertThatThrownBy(() -> ImageDecoder.rgb().decode(Arrays.copyOf(png, png.length / 2)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void rejectsOtherChannelCounts() {
        assertThatThrownBy(() -> new ImageDecoder(2)).hasMessageContaining("1 or 3");
    }
}
