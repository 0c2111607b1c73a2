package io.amdim4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.model.EncoderConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportManifestTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsWithSnakeCaseKeys() throws Exception {
        ExportManifest manifest = ExportManifest.of(
                EncoderConfig.cifarLarge().withNumChannels(1), AugmentConfig.gray28(), EncoderOutput.R7);
        manifest.write(dir);
        String json = Files.readString(dir.resolve("amdim-model.json"));
        assertThat(json).contains("\"format_version\" : 2", "\"num_channels\" : 1", "\"n_depth\" : 10",
                "\"use_bn\" : false", "\"output\" : \"r7\"", "\"name\" : \"gray28\"", "\"padding\" : 2");
        assertThat(ExportManifest.read(dir)).isEqualTo(manifest);
    }

    @Test
    void everyAugmentationPresetRoundTrips() throws Exception {
        for (AugmentConfig augment : new AugmentConfig[] {AugmentConfig.cifar32(), AugmentConfig.stl64(),
                AugmentConfig.imagenet128(), AugmentConfig.imagenet128Reference(),
                AugmentConfig.gray28().withChannels(3).withFlip(false), AugmentConfig.cifar32().withResizeInput(true)}) {
            ExportManifest manifest = ExportManifest.of(
                    EncoderConfig.defaults(augment.size()).withNumChannels(augment.channels()), augment, EncoderOutput.R1);
            manifest.write(dir);
            assertThat(ExportManifest.read(dir)).as(augment.name()).isEqualTo(manifest);
        }
    }

    @Test
    void missingOutputDefaultsToR1() throws Exception {
        ExportManifest.of(EncoderConfig.defaults(32), AugmentConfig.cifar32(), EncoderOutput.R5).write(dir);
        Path file = dir.resolve("amdim-model.json");
        Files.writeString(file, Files.readString(file).replace("\"output\" : \"r5\"", "\"output\" : null"));
        assertThat(ExportManifest.read(dir).output()).isEqualTo(EncoderOutput.R1);
    }

    @Test
    void badFilesAreNamed() throws Exception {
        Path file = dir.resolve("amdim-model.json");
        assertThatThrownBy(() -> ExportManifest.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("missing");

        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> ExportManifest.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());

        ExportManifest.of(EncoderConfig.defaults(32), AugmentConfig.cifar32(), EncoderOutput.R1).write(dir);
        String valid = Files.readString(file);
        Files.writeString(file, valid.replace("\"format_version\" : 2", "\"format_version\" : 9"));
        assertThatThrownBy(() -> ExportManifest.read(dir)).hasMessageContaining("format version 9");

        // the first layout described its own preprocessing instead of the augmentation family
        Files.writeString(file, "{\"format_version\" : 1, \"encoder\" : {}, \"preprocessing\" : {}}");
        assertThatThrownBy(() -> ExportManifest.read(dir)).hasMessageContaining(file.toString())
                .hasMessageContaining("format version 1").hasMessageContaining("amdim export");

        Files.writeString(file, valid.replace("\"test_resize\" : 0", "\"test_resize\" : 70"));
        assertThatThrownBy(() -> ExportManifest.read(dir)).hasMessageContaining(file.toString())
                .hasMessageContaining("testResize");

        Files.writeString(file, valid.replace("\"n_rkhs\" : 1024", "\"n_rkhs\" : 100"));
        assertThatThrownBy(() -> ExportManifest.read(dir)).hasMessageContaining(file.toString())
                .hasMessageContaining("nRkhs");

        Files.writeString(file, valid.replace("\"output\" : \"r1\"", "\"output\" : \"r3\""));
        assertThatThrownBy(() -> ExportManifest.read(dir)).hasMessageContaining("r1, r5, r7");
    }

    @Test
    void theTestTransformMustProduceTheEncoderInput() {
        assertThatThrownBy(() -> ExportManifest.of(EncoderConfig.defaults(64), AugmentConfig.cifar32(), EncoderOutput.R1))
                .hasMessageContaining("cifar32").hasMessageContaining("3×32×32").hasMessageContaining("3×64×64");
    }

    @Test
    void outputDimensionsFollowTheLayerTable() {
        EncoderConfig config = new EncoderConfig(32, 3, 8, 64, 1, false);
        assertThat(EncoderOutput.R1.dimension(config)).isEqualTo(64);
        assertThat(EncoderOutput.R5.dimension(config)).isEqualTo(64 * 25);
        assertThat(EncoderOutput.R7.dimension(config)).isEqualTo(64 * 49);
        assertThat(EncoderOutput.parse("R5")).isEqualTo(EncoderOutput.R5);
    }
}
