package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunJson;
import io.amdim4j.train.Preset;
import io.amdim4j.train.TinyCifar;
import io.amdim4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pretrain --preset NAME} and {@code amdim presets}. */
class PretrainPresetTest {

    @TempDir
    Path dir;

    @Test
    void everyPresetBuildsAValidConfigurationWithItsOwnValues() {
        for (Preset p : Preset.values()) {
            String dataset = p.format().map(f -> f.cliName()).orElse("folder") + ":" + dir;
            PretrainCommand.Plan plan = plan("pretrain", "--preset", p.cliName(), "--dataset", dataset);
            TrainConfig c = plan.config();
            assertThat(c.encoder()).as(p.cliName()).isEqualTo(p.encoder());
            assertThat(c.optim()).as(p.cliName()).isEqualTo(p.optim());
            assertThat(c.nce()).as(p.cliName()).isEqualTo(p.nce());
            assertThat(c.epochs()).isEqualTo(p.epochs());
            assertThat(c.batchSize()).isEqualTo(Preset.BATCH_SIZE);
            assertThat(c.mixture().enabled()).isFalse();
            assertThat(c.augment().size()).isEqualTo(p.encoder().inputSize());
            assertThat(plan.preset().name()).isEqualTo(p.cliName());
            assertThat(plan.preset().values().keySet()).containsExactlyElementsOf(p.settings().keySet());
            assertThat(plan.preset().overrides()).isEmpty();
        }
    }

    @Test
    void givenOptionsOverrideThePresetAndAreRecordedAsOverrides() {
        PretrainCommand.Plan plan = plan("pretrain", "--preset", "cifar10-large", "--dataset", "cifar10:" + dir,
                "--batch-size", "64", "--epochs", "30", "--lr", "2e-4");
        assertThat(plan.config().batchSize()).isEqualTo(64);
        assertThat(plan.config().epochs()).isEqualTo(30);
        assertThat(plan.config().optim().milestones()).as("the schedule follows the given length").containsExactly(25, 28);
        assertThat(plan.config().encoder().ndf()).isEqualTo(256);
        assertThat(plan.preset().overrides()).containsOnlyKeys("batch-size", "epochs", "lr");
        assertThat(plan.preset().overrides().get("batch-size").from().asInt()).isEqualTo(480);
        assertThat(plan.preset().overrides().get("batch-size").to().asInt()).isEqualTo(64);
        assertThat(plan.preset().values().get("batch-size").asInt()).isEqualTo(480);
    }

    @Test
    void aRunFromAPresetPrintsItAndStoresItWithTheOverridesAndTheWarmStart() throws IOException {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 2, 4, 3);
        Path run = dir.resolve("run");
        // the golden state dict's encoder (ndf 8, n_rkhs 64, n_depth 2) keeps the run tiny
        CliRunner r = CliRunner.run("pretrain", "--preset", "cifar10-small", "--dataset", "cifar10:" + cifar,
                "--ndf", "8", "--n-rkhs", "64", "--n-depth", "2", "--batch-size", "4", "--steps", "1", "--no-test",
                "--no-progress", "--init-from", PretrainInitFromTest.NPZ.toString(), "--run-dir", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("preset cifar10-small (paper: not reported;")
                .containsPattern("--ndf +8 +\\(given; overrides the preset's 128\\)")
                .containsPattern("--epochs +300\\n").containsPattern("--warmup +500\\n")
                .contains("lr milestones").contains("[250, 280]");
        assertThat(r.out().indexOf("preset cifar10-small")).isLessThan(r.out().indexOf("stopped at update"));
        assertThat(r.err()).contains("encoder initialised from " + PretrainInitFromTest.NPZ.toAbsolutePath());

        JsonNode file = RunJson.mapper().readTree(run.resolve("config.json").toFile());
        assertThat(file.at("/preset/name").asText()).isEqualTo("cifar10-small");
        assertThat(file.at("/preset/values/ndf").asInt()).isEqualTo(128);
        assertThat(file.at("/preset/values/batch-size").asInt()).isEqualTo(480);
        assertThat(file.at("/preset/overrides/ndf/from").asInt()).isEqualTo(128);
        assertThat(file.at("/preset/overrides/ndf/to").asInt()).isEqualTo(8);
        assertThat(file.at("/preset/overrides").has("epochs")).isFalse();
        assertThat(file.at("/config/encoder/ndf").asInt()).isEqualTo(8);
        assertThat(file.at("/config/epochs").asInt()).isEqualTo(300);
        assertThat(file.at("/config/optim/warmup_updates").asInt()).isEqualTo(500);
        assertThat(file.at("/init_from/kind").asText()).isEqualTo("npz");
        assertThat(file.at("/init_from/sha256").asText()).startsWith("sha256:");
    }

    @Test
    void anUnknownPresetIsOneLineListingTheNames() {
        CliRunner r = CliRunner.run("pretrain", "--preset", "cifar10-xl", "--run-dir", dir.resolve("x").toString());
        assertThat(r.exitCode()).isNotZero();
        // picocli's usage follows the one line, as for every bad option value
        assertThat(r.err().lines().findFirst().orElseThrow()).contains("--preset").contains("'cifar10-xl'")
                .contains("cifar10-small, cifar10-large").contains("imagenet128-large");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aPresetForAnotherDataSetIsOneLine() {
        CliRunner r = CliRunner.run("pretrain", "--preset", "stl10-large", "--dataset", "cifar10:" + dir,
                "--run-dir", dir.resolve("x").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n")
                .endsWith("--preset stl10-large is for stl10 data, not --dataset cifar10; give --dataset stl10:DIR, "
                        + "or a folder:/tar: copy of its images");
    }

    @Test
    void presetsListsEveryPresetWithItsParameterCountAndThePapersResult() throws IOException {
        CliRunner text = CliRunner.run("presets");
        assertThat(text.exitCode()).as(text.err()).isZero();
        for (Preset p : Preset.values()) {
            assertThat(text.out()).contains(p.cliName()).contains(p.reported());
        }
        // spec §2.5: CIFAR "large" has 127,818,752 parameters
        assertThat(text.out()).containsPattern("cifar10-large .* 127,818,752  91.2 % linear");

        CliRunner json = CliRunner.run("presets", "--json");
        JsonNode presets = RunJson.mapper().readTree(json.out()).get("presets");
        assertThat(presets).hasSize(Preset.values().length);
        assertThat(presets.get(1).get("name").asText()).isEqualTo("cifar10-large");
        assertThat(presets.get(1).get("encoder_parameters").asLong()).isEqualTo(127_818_752L);
        assertThat(presets.get(1).at("/settings/n-rkhs").asInt()).isEqualTo(2048);
        assertThat(presets.get(1).get("source").asText()).contains("spec §8");
    }

    private static PretrainCommand.Plan plan(String... args) {
        CommandLine cl = Main.commandLine();
        cl.parseArgs(args);
        CommandLine pretrain = cl.getSubcommands().get("pretrain");
        PretrainCommand command = pretrain.getCommand();
        return command.plan(pretrain.getParseResult());
    }
}
