package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.run.RunDirectory;
import io.amdim4j.train.TinyRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * libtorch prints its warnings straight to the process's stderr, so only a child process shows
 * what a user sees: one {@code amdim eval} that loads a checkpoint (DJL's copy into the parameters
 * makes libtorch warn that AutoNonVariableTypeMode is deprecated) and then fails on a missing
 * dataset.
 */
class EngineWarningsTest {

    @TempDir
    Path tmp;

    @Test
    void theEngineKeepsItsWarningsToItselfButTheErrorIsShown() throws Exception {
        RunDirectory run = TinyRun.pretrain(tmp);
        Path nowhere = tmp.resolve("no-cifar");
        Path err = tmp.resolve("stderr.txt");
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                Main.class.getName(), "eval", "--run-dir", run.root().toString(),
                "--dataset", "cifar10:" + nowhere, "--protocol", "knn"))
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("child finished").isTrue();
        String stderr = Files.readString(err);

        assertThat(child.exitValue()).as(stderr).isEqualTo(2);
        assertThat(stderr).contains("amdim eval: error: ").contains(nowhere.toString());
        assertThat(stderr).doesNotContain("AutoNonVariableTypeMode").doesNotContain("NNPACK");
        // c10's log lines start with the level letter and the date, e.g. "[W1202 15:40:18.403 LegacyTypeDispatch.h:74]"
        assertThat(stderr.lines()).noneMatch(line -> line.matches("^\\[W\\d{4} .*"));
    }

    @Test
    void verboseIsOneOptionBeforeOrAfterTheCommand() {
        for (String[] args : List.of(new String[] {"--verbose", "summary"}, new String[] {"summary", "--verbose"},
                new String[] {"bench", "train-step", "--verbose"})) {
            CommandLine cl = Main.commandLine();
            cl.parseArgs(args);
            assertThat(((Main) cl.getCommand()).verbose).as(String.join(" ", args)).isTrue();
        }
        CommandLine quiet = Main.commandLine();
        quiet.parseArgs("summary");
        assertThat(((Main) quiet.getCommand()).verbose).isFalse();
    }
}
