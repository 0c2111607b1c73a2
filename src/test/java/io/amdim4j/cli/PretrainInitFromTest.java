package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pretrain --init-from}'s refusals on the command line (the warm start itself:
 * {@code train.WarmStartTest}, {@code train.WarmStartTrainingTest}, and a run in {@link PretrainPresetTest}).
 */
class PretrainInitFromTest {

    /** A reference-implementation state dict of a (32 px, RGB, ndf 8, n_rkhs 64, n_depth 2) encoder. */
    static final Path NPZ = Path.of("src/test/resources/golden/encoder/encoder_s32_c3_ndf8_r64_d2_seed1.npz");

    @TempDir
    Path dir;

    @Test
    void aStateDictOfAnotherEncoderIsOneLineAndNoRunIsWritten() {
        Path run = dir.resolve("run");
        CliRunner r = CliRunner.run("pretrain", "--dataset", "cifar10:" + dir, "--ndf", "16", "--n-rkhs", "128",
                "--n-depth", "2", "--init-from", NPZ.toString(), "--run-dir", run.toString(), "--no-progress");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains("--init-from " + NPZ)
                .contains("entry 'weights/layer_list.0.conv.weight' has shape (8, 3, 3, 3), the encoder expects (16, 3, 3, 3)");
        assertThat(run).doesNotExist();
    }

    @Test
    void aMissingSourceIsOneLine() {
        Path nowhere = dir.resolve("nowhere.npz");
        CliRunner r = CliRunner.run("pretrain", "--dataset", "cifar10:" + dir, "--init-from", nowhere.toString(),
                "--run-dir", dir.resolve("run").toString(), "--no-progress");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n")
                .endsWith("--init-from " + nowhere + ": no such run directory, checkpoint or .npz file");
    }

    @Test
    void itCannotBeCombinedWithResume() {
        CliRunner r = CliRunner.run("pretrain", "--resume", dir.toString(), "--init-from", NPZ.toString(),
                "--no-progress");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains("--init-from cannot be combined with --resume");
    }
}
