package io.amdim4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncoderConfigTest {

    @Test
    void widthConstraintDependsOnInputSize() {
        // spec §2.3: F = 320, R = 1280 is valid at 32 px (R ≥ 4F), invalid at 128 px (R < 8F)
        assertThat(new EncoderConfig(32, 3, 320, 1280, 10, false).headChannels()).isEqualTo(1280);
        assertThatThrownBy(() -> new EncoderConfig(128, 3, 320, 1280, 10, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nRkhs")
                .hasMessageContaining("2560")
                .hasMessageContaining("128 px");
        assertThatThrownBy(() -> new EncoderConfig(64, 3, 320, 1280, 10, false))
                .hasMessageContaining("nRkhs");
        assertThatThrownBy(() -> new EncoderConfig(32, 3, 320, 1279, 10, false))
                .hasMessageContaining("1280");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 28, 31, 96, 256})
    void rejectsUnsupportedInputSizes(int size) {
        assertThatThrownBy(() -> new EncoderConfig(size, 3, 8, 64, 1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputSize")
                .hasMessageContaining(String.valueOf(size));
    }

    @Test
    void rejectsBadWidthsDepthAndChannels() {
        assertThatThrownBy(() -> new EncoderConfig(32, 2, 8, 64, 1, false))
                .hasMessageContaining("numChannels");
        assertThatThrownBy(() -> new EncoderConfig(32, 3, 0, 64, 1, false))
                .hasMessageContaining("ndf");
        assertThatThrownBy(() -> new EncoderConfig(32, 3, 8, -1, 1, false))
                .hasMessageContaining("nRkhs");
        assertThatThrownBy(() -> new EncoderConfig(32, 3, 8, 64, 0, false))
                .hasMessageContaining("nDepth");
    }

    @Test
    void presetsMatchSpecSection21() {
        assertThat(EncoderConfig.defaults(32)).isEqualTo(new EncoderConfig(32, 3, 128, 1024, 3, false));
        assertThat(EncoderConfig.defaults(64)).isEqualTo(new EncoderConfig(64, 3, 128, 1024, 3, false));
        assertThat(EncoderConfig.cifarLarge()).isEqualTo(new EncoderConfig(32, 3, 256, 2048, 10, false));
        assertThat(EncoderConfig.imagenetSmall())
                .isEqualTo(new EncoderConfig(128, 3, 192, 1536, 8, false));
        assertThat(EncoderConfig.imagenetMedium())
                .isEqualTo(new EncoderConfig(128, 3, 256, 2048, 10, false));
        assertThat(EncoderConfig.imagenetLarge())
                .isEqualTo(new EncoderConfig(128, 3, 320, 2560, 10, false));
    }

    @Test
    void withersChangeOneFieldAndStillValidate() {
        EncoderConfig base = EncoderConfig.defaults(32);
        assertThat(base.withNumChannels(1).numChannels()).isEqualTo(1);
        assertThat(base.withUseBn(true)).isEqualTo(new EncoderConfig(32, 3, 128, 1024, 3, true));
        assertThat(base.withDepth(10).nDepth()).isEqualTo(10);
        assertThatThrownBy(() -> base.withDepth(0)).hasMessageContaining("nDepth");
    }

    @Test
    void headChannelsAreFourOrEightTimesNdf() {
        assertThat(EncoderConfig.defaults(32).headChannels()).isEqualTo(512);
        assertThat(EncoderConfig.defaults(64).headChannels()).isEqualTo(1024);
        assertThat(EncoderConfig.defaults(128).headChannels()).isEqualTo(1024);
    }
}
