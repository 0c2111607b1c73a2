package io.amdim4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The resize against Pillow's bicubic filter on 8-bit images (the reference's test transforms,
 * spec §5.5): {@code src/test/resources/io/amdim4j/embed/bicubic-pil.json}, written by {@code
 * make_bicubic_pil.py} beside it (Pillow 9.4).
 */
class BicubicResizeTest {

    @Test
    void equalsPillowOn8BitGrayAndRgbImages() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("bicubic-pil.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int h = root.get("h").asInt();
        int w = root.get("w").asInt();
        float[] gray = floats(root.get("gray"));
        float[] rgb = floats(root.get("rgb"));
        for (JsonNode c : root.get("cases")) {
            int outH = c.get("out_h").asInt();
            int outW = c.get("out_w").asInt();
            assertThat(BicubicResize.resize(gray, 1, h, w, outH, outW))
                    .as("gray %d×%d → %d×%d", h, w, outH, outW)
                    .containsExactly(floats(c.get("gray")));
            assertThat(BicubicResize.resize(rgb, 3, h, w, outH, outW))
                    .as("rgb %d×%d → %d×%d", h, w, outH, outW)
                    .containsExactly(floats(c.get("rgb")));
        }
    }

    @Test
    void keepsConstantsAndEachChannelSeparate() {
        float[] planes = new float[2 * 6 * 8];
        Arrays.fill(planes, 0, 48, 17f);
        Arrays.fill(planes, 48, 96, 230f);
        float[] out = BicubicResize.resize(planes, 2, 6, 8, 13, 3);
        for (int i = 0; i < 13 * 3; i++) {
            assertThat(out[i]).isEqualTo(17f);
            assertThat(out[13 * 3 + i]).isEqualTo(230f);
        }
    }

    @Test
    void sameSizeIsTheIdentity() {
        float[] planes = new float[3 * 4 * 5];
        for (int i = 0; i < planes.length; i++) {
            planes[i] = (i * 37) % 256;
        }
        assertThat(BicubicResize.resize(planes, 3, 4, 5, 4, 5)).containsExactly(planes);
    }

    @Test
    void cubicIsOneAtZeroAndZeroAtOtherIntegers() {
        assertThat(BicubicResize.cubic(0)).isEqualTo(1.0);
        assertThat(BicubicResize.cubic(1)).isCloseTo(0, within(1e-15));
        assertThat(BicubicResize.cubic(-2)).isZero();
        // Keys a = −0.5 at 0.5: (a+2)/8 − (a+3)/4 + 1 = 0.5625
        assertThat(BicubicResize.cubic(0.5)).isCloseTo(0.5625, within(1e-15));
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
