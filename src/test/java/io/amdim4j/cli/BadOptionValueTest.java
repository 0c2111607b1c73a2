package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad option value is its one-line cause and one line pointing to the command's --help, never the
 * whole usage (49-125 lines that scroll the cause away); nothing is run or written.
 */
class BadOptionValueTest {

    @TempDir
    Path tmp;

    @Test
    void everyBadValueIsTheCauseAndAPointerToHelp() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        Path run = tmp.resolve("run");
        List<List<String>> cases = List.of(
                List.of("--precision", "fp64"),
                List.of("--device", "gpu:7"),
                List.of("--engine-threads", "banana"),
                List.of("--memory-format", "nhwc"),
                List.of("--preset", "cifar10-xl"),
                List.of("--dataset", "webdataset:" + tmp),
                List.of("--run-dir", file.toString()));
        for (List<String> bad : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("pretrain"));
            args.addAll(bad);
            if (!bad.get(0).equals("--run-dir")) {
                args.addAll(List.of("--run-dir", run.toString()));
            }
            CliRunner r = CliRunner.run(args.toArray(String[]::new));
            List<String> lines = r.err().lines().toList();
            assertThat(r.exitCode()).as(bad.toString()).isEqualTo(2);
            assertThat(lines).as(bad + ": " + r.err()).hasSize(2);
            assertThat(lines.get(0)).as(bad.toString()).startsWith("amdim pretrain: error: ")
                    .contains(bad.get(0));
            assertThat(lines.get(1)).as(bad.toString()).contains("amdim pretrain --help");
            assertThat(r.err()).as(bad.toString()).doesNotContain("Usage:").doesNotContain("\tat ");
            assertThat(run).as(bad.toString()).doesNotExist();
        }
    }

    @Test
    void aSubcommandsBadValueNamesThatSubcommand() {
        CliRunner r = CliRunner.run("bench", "train-step", "--precision", "fp64");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(2);
        assertThat(r.err()).contains("amdim bench train-step: error: ").contains("fp64")
                .contains("amdim bench train-step --help").doesNotContain("Usage:");
    }

    @Test
    void anUnknownOptionKeepsPicocliSuggestionButNotTheUsage() {
        CliRunner r = CliRunner.run("search", "--index", tmp.toString(), "--row", "1", "--candidate", "5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--candidate").contains("--candidates").contains("amdim search --help").doesNotContain("Usage:");
    }
}
