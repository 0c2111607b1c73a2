package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --local-ranks} reaching the command means no launcher took it out (LauncherTest covers the launcher). */
class LocalRanksOptionTest {

    @Test
    void moreThanOneRankWithoutTheLauncherSaysHowToStartThem() {
        for (String[] command : new String[][] {{"pretrain"}, {"bench", "train-step"}}) {
            String[] args = new String[command.length + 2];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--local-ranks";
            args[command.length + 1] = "2";
            CliRunner r = CliRunner.run(args);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().trim()).contains("--local-ranks 2 is run by the amdim launcher", "mpiexec -n 2")
                    .doesNotContain("\n");
        }
    }

    @Test
    void zeroRanksIsRefused() {
        CliRunner r = CliRunner.run("bench", "train-step", "--local-ranks", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--local-ranks must be at least 1, got 0");
    }

    @Test
    void helpStatesTheGlobalBatchAndTheNegativesPerRank() {
        CliRunner r = CliRunner.run("pretrain", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--local-ranks=N")
                .contains("an update sees N times that batch").contains("negatives of each rank come from its own pairs");
    }
}
