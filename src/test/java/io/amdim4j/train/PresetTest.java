package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.data.DatasetFormat;
import io.amdim4j.model.EncoderConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The presets carry the spec's numbers; each is stated here once, from AMDIM-SPEC §2.1, §2.5, §7 and §8. */
class PresetTest {

    /** (input size, F, R, d) of each preset: §2.1 (CIFAR "large" is Table 2(b); STL-10 uses the CIFAR widths). */
    private static final Map<Preset, List<Integer>> ENCODERS = Map.of(
            Preset.CIFAR10_SMALL, List.of(32, 128, 1024, 3),
            Preset.CIFAR10_LARGE, List.of(32, 256, 2048, 10),
            Preset.CIFAR100_SMALL, List.of(32, 128, 1024, 3),
            Preset.CIFAR100_LARGE, List.of(32, 256, 2048, 10),
            Preset.STL10_SMALL, List.of(64, 128, 1024, 3),
            Preset.STL10_LARGE, List.of(64, 256, 2048, 10),
            Preset.IMAGENET128_SMALL, List.of(128, 192, 1536, 8),
            Preset.IMAGENET128_MEDIUM, List.of(128, 256, 2048, 10),
            Preset.IMAGENET128_LARGE, List.of(128, 320, 2560, 10));

    @Test
    void everyPresetHasTheSpecsEncoder() {
        assertThat(ENCODERS).containsOnlyKeys(Preset.values());
        ENCODERS.forEach((preset, e) -> assertThat(preset.encoder()).as(preset.cliName())
                .isEqualTo(new EncoderConfig(e.get(0), 3, e.get(1), e.get(2), e.get(3), false)));
    }

    @Test
    void lengthsAndSchedulesAreTheSpecs() {
        for (Preset p : Preset.values()) {
            boolean imagenet = p.encoder().inputSize() == 128;
            assertThat(p.epochs()).as(p.cliName()).isEqualTo(imagenet ? 50 : 300);
            assertThat(p.optim().milestones()).as(p.cliName()).isEqualTo(imagenet ? List.of(30, 45) : List.of(250, 280));
            assertThat(p.optim().lr()).isEqualTo(2e-4);
            assertThat(p.optim().beta1()).isEqualTo(0.8);
            assertThat(p.optim().weightDecay()).isEqualTo(1e-5);
            assertThat(p.optim().warmupUpdates()).isEqualTo(500);
            assertThat(p.optim().decay()).isEqualTo(0.2);
            assertThat(p.nce().tclip()).isEqualTo(20);
            assertThat(p.nce().scoreRegWeight()).isEqualTo(0.05);
            assertThat(p.settings()).containsEntry("batch-size", 480).containsEntry("mixtures", 0)
                    .containsEntry("use-bn", false).containsEntry("channels", 3);
        }
    }

    @Test
    void parameterCountsMatchTheSpecsTable() {
        // §2.5: the reference default and CIFAR "large" at 32 px
        assertThat(Preset.CIFAR10_SMALL.encoderParameters()).isEqualTo(20_033_024L);
        assertThat(Preset.CIFAR100_LARGE.encoderParameters()).isEqualTo(127_818_752L);
    }

    @Test
    void reportedResultsCarryTheSpecsFiguresAndSources() {
        assertThat(Preset.CIFAR10_LARGE.reported()).contains("91.2 %").contains("93.1 %");
        assertThat(Preset.CIFAR100_LARGE.reported()).contains("70.2 %");
        assertThat(Preset.STL10_LARGE.reported()).contains("93.8 %");
        assertThat(Preset.IMAGENET128_SMALL.reported()).contains("63.5 %");
        assertThat(Preset.IMAGENET128_LARGE.reported()).contains("68.1 %");
        assertThat(Preset.IMAGENET128_LARGE.source()).contains("Fast AutoAugment");
        for (Preset p : Preset.values()) {
            assertThat(p.source()).as(p.cliName()).isNotBlank();
        }
    }

    @Test
    void aNameOutsideTheTableIsRefusedListingEveryName() {
        assertThat(Preset.parse("stl10-large")).isEqualTo(Preset.STL10_LARGE);
        assertThatThrownBy(() -> Preset.parse("cifar10-huge")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cifar10-huge'").hasMessageContaining("cifar10-small, cifar10-large, "
                        + "cifar100-small, cifar100-large, stl10-small, stl10-large, imagenet128-small, "
                        + "imagenet128-medium, imagenet128-large");
    }

    @Test
    void aPresetRefusesAnotherNamedDataSetButTakesFoldersAndArchives() {
        Preset.CIFAR10_LARGE.requireFits(DatasetFormat.CIFAR10);
        Preset.CIFAR10_LARGE.requireFits(DatasetFormat.TAR);
        Preset.IMAGENET128_SMALL.requireFits(DatasetFormat.FOLDER);
        assertThatThrownBy(() -> Preset.CIFAR10_LARGE.requireFits(DatasetFormat.STL10))
                .hasMessage("--preset cifar10-large is for cifar10 data, not --dataset stl10; give --dataset "
                        + "cifar10:DIR, or a folder:/tar: copy of its images");
        assertThatThrownBy(() -> Preset.IMAGENET128_LARGE.requireFits(DatasetFormat.CIFAR10))
                .hasMessageContaining("is for ImageNet-style images, not --dataset cifar10");
    }
}
