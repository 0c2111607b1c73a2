package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.run.RunJson;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void parsesTheCommandLineNamesInAnyCase() {
        assertThat(Precision.parse("fp32")).isEqualTo(Precision.FP32);
        assertThat(Precision.parse(" BF16 ")).isEqualTo(Precision.BF16);
        assertThatThrownBy(() -> Precision.parse("fp16")).hasMessageContaining("fp32 or bf16");
    }

    @Test
    void jsonUsesTheLowerCaseName() throws Exception {
        assertThat(RunJson.mapper().writeValueAsString(Precision.FP32)).isEqualTo("\"fp32\"");
        assertThat(RunJson.mapper().readValue("\"fp32\"", Precision.class)).isEqualTo(Precision.FP32);
    }

    @Test
    void aConfigWithoutPrecisionIsFloat32AndBf16IsRefused() {
        TrainConfig base = TinyRun.config(java.nio.file.Path.of("cifar-not-read"));
        TrainConfig legacy = new TrainConfig(base.data(), base.encoder(), base.augment(), base.nce(), base.mixture(),
                base.optim(), base.epochs(), base.maxSteps(), base.batchSize(), base.loaderThreads(),
                base.checkpointEvery(), base.keepCheckpoints(), base.testEachEpoch(), base.bnBatches(), null);
        assertThat(legacy.precision()).isEqualTo(Precision.FP32);
        assertThatThrownBy(() -> new TrainConfig(base.data(), base.encoder(), base.augment(), base.nce(),
                base.mixture(), base.optim(), base.epochs(), base.maxSteps(), base.batchSize(), base.loaderThreads(),
                base.checkpointEvery(), base.keepCheckpoints(), base.testEachEpoch(), base.bnBatches(),
                Precision.BF16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bf16");
    }
}
