package io.amdim4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DatasetFormat;
import io.amdim4j.data.DatasetSpec;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AugmentFamilyTest {

    private static AugmentConfig pick(String dataset) {
        return AugmentFamily.forDataset(DatasetSpec.parse(dataset), OptionalInt.empty(), OptionalInt.empty());
    }

    private static AugmentConfig pick(String dataset, int size, int channels) {
        return AugmentFamily.forDataset(DatasetSpec.parse(dataset), OptionalInt.of(size), OptionalInt.of(channels));
    }

    @ParameterizedTest
    @CsvSource({
        "fashion-mnist, gray28, 1, true, false",
        "mnist:/d, gray28, 1, false, false",
        "cifar10:/d, cifar32, 3, true, false",
        "cifar100:/d, cifar32, 3, true, false",
        "cifar100-coarse:/d, cifar32, 3, true, false",
        "stl10:/d, stl64, 3, true, false",
        "folder:/d, cifar32, 3, true, true",
        "tar:/d.tar.gz, cifar32, 3, true, true"})
    void eachDatasetGetsItsSpecFamily(String dataset, String family, int channels, boolean flip, boolean resize) {
        AugmentConfig config = pick(dataset);
        assertThat(config.name()).isEqualTo(family);
        assertThat(config.channels()).isEqualTo(channels);
        assertThat(config.flip()).isEqualTo(flip);
        assertThat(config.resizeInput()).isEqualTo(resize);
        assertThat(config.size()).isEqualTo(AugmentFamily.defaultInputSize(DatasetSpec.parse(dataset).format()));
    }

    @Test
    void anExplicitSizeOrChannelCountPicksThatFamily() {
        assertThat(pick("folder:/d", 128, 3)).isEqualTo(AugmentConfig.imagenet128());
        assertThat(pick("tar:/d", 64, 3)).isEqualTo(AugmentConfig.stl64());
        assertThat(pick("stl10:/d", 32, 3)).isEqualTo(AugmentConfig.cifar32().withResizeInput(true));
        assertThat(pick("cifar10:/d", 32, 3)).isEqualTo(AugmentConfig.cifar32());
        assertThat(pick("fashion-mnist", 32, 3)).isEqualTo(AugmentConfig.gray28().withChannels(3));
    }

    @Test
    void everyFormatTrainsAtADefaultSizeWithoutOptions() {
        for (DatasetFormat format : DatasetFormat.values()) {
            AugmentConfig config = AugmentFamily.forDataset(new DatasetSpec(format, Path.of("/d")),
                    OptionalInt.empty(), OptionalInt.empty());
            assertThat(config.channels()).as(format.cliName()).isEqualTo(format.channels());
            assertThat(config.flip()).as(format.cliName()).isEqualTo(format.mirrorKeepsClass());
            assertThat(config.size()).as(format.cliName()).isEqualTo(AugmentFamily.defaultInputSize(format));
        }
    }

    @Test
    void anInputLargerThanTheStoredImagesIsRefusedNotUpsampled() {
        // before, cifar10 at 64 px silently took the STL crop family on upsampled 32-px images
        assertThatThrownBy(() -> pick("cifar10:/d", 64, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--input-size 64")
                .hasMessageContaining("--dataset cifar10:/d").hasMessageContaining("32x32");
        assertThatThrownBy(() -> pick("cifar100-coarse:/d", 128, 3))
                .hasMessageStartingWith("--input-size 128").hasMessageContaining("--dataset cifar100-coarse:/d");
        assertThatThrownBy(() -> pick("stl10:/d", 128, 3))
                .hasMessageStartingWith("--input-size 128").hasMessageContaining("--dataset stl10:/d")
                .hasMessageContaining("96x96");
        assertThat(pick("stl10:/d", 64, 3)).isEqualTo(AugmentConfig.stl64());
        assertThat(pick("folder:/d", 128, 3)).isEqualTo(AugmentConfig.imagenet128());
    }

    @Test
    void impossibleCombinationsNameTheOption() {
        assertThatThrownBy(() -> pick("cifar10:/d", 32, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--channels");
        assertThatThrownBy(() -> pick("fashion-mnist", 64, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--input-size")
                .hasMessageContaining("--dataset fashion-mnist");
        assertThatThrownBy(() -> pick("mnist:/d", 32, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--channels 2")
                .hasMessageContaining("--dataset mnist:/d");
        assertThatThrownBy(() -> pick("folder:/d", 48, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--input-size");
    }
}
