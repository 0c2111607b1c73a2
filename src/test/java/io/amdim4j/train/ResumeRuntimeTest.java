package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.runtime.PrecisionConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is held to the command line's device × precision rule whether it starts or resumes: a bf16
 * run (PyTorch's CPU autocast) moved to a GPU would silently train in fp32 while recorded as bf16.
 */
class ResumeRuntimeTest {

    private static final ComputeDevice GPU = new ComputeDevice(0);
    private static final String RULE = "--precision bf16 is PyTorch's CPU autocast and would not act on --device gpu:0";

    @TempDir
    Path dir;

    @Test
    void aBf16RunResumedOnAGpuIsRefusedByTheSameRuleAsANewRunBeforeTheHistoryIsWritten() throws Exception {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 8, 8, 3);
        Path runDir = dir.resolve("run");
        TrainConfig bf16 = PretrainingTest.tiny(cifar, 1, 1, false, 2e-3).withPrecision(PrecisionConfig.bf16());
        Pretraining.start(bf16, runDir, quiet());
        RunDirectory run = new RunDirectory(runDir);
        String before = Files.readString(run.config());

        assertThatThrownBy(() -> Pretraining.resume(runDir, c -> new ResumeChanges(2L, null, null, null, null, null,
                null, null, null, GPU).applyTo(c), quiet()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(RULE + "; use --precision fp32 or auto there");
        assertThat(Files.readString(run.config())).as("config.json untouched").isEqualTo(before);
        assertThat(ConfigJson.read(run.config(), TrainConfig.class).history()).isEmpty();
    }

    @Test
    void aNewBf16RunOnAGpuIsRefusedBeforeTheDirectoryIsCreated() {
        Path runDir = dir.resolve("new");
        TrainConfig onGpu = PretrainingTest.tiny(dir.resolve("no-cifar"), 1, 1, false, 2e-3).withPrecision(PrecisionConfig.bf16()).withDevice(GPU);
        assertThatThrownBy(() -> Pretraining.start(onGpu, runDir, quiet())).hasMessageStartingWith(RULE);
        assertThat(runDir).doesNotExist();
    }

    private static Pretraining.Options quiet() {
        return new Pretraining.Options(false, new PrintWriter(new StringWriter()));
    }
}
