package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.data.TinyFashionMnist;
import io.amdim4j.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amdim quickstart} end to end in a tiny configuration, on a small dataset in Fashion-MNIST's format. */
class QuickstartCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsPretrainThenEvalAndPrintsBothTables() throws Exception {
        Path data = TinyFashionMnist.write(dir.resolve("fashion"), 200, 20, 4);
        Path run = dir.resolve("run");
        CliRunner r = CliRunner.run("quickstart", "--data", data.toString(), "--ndf", "8", "--n-rkhs", "32",
                "--n-depth", "1", "--batch-size", "8", "--steps", "2", "--train-images", "200", "--seeds", "1",
                "--run-dir", run.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("$ amdim pretrain --dataset fashion-mnist:" + data)
                .contains("--steps 2").contains("stopped at update 2 ")
                .contains("$ amdim eval --run-dir " + run).contains("--train-images 200");
        assertThat(Files.exists(new RunDirectory(run).checkpoint(2))).isTrue();
        assertThat(Files.exists(new RunDirectory(run).eval())).isTrue();
        String full = section(r.out(), "fitted on 200 labelled training images");
        String few = section(r.out(), "fitted on 6% of those labels (12 images)");
        for (String table : new String[] {full, few}) {
            for (String method : new String[] {"AMDIM encoder (pre-trained)", "same encoder, random init", "raw pixels"}) {
                assertThat(table).containsPattern(Pattern.quote(method) + " +\\S+ +\\d+\\.\\d\\d ± \\d+\\.\\d\\d \\(1 seeds\\)");
            }
        }
    }

    /** The table under the title containing {@code title}: its lines up to the next blank line. */
    private static String section(String out, String title) {
        Matcher m = Pattern.compile("(?m)^.*" + Pattern.quote(title) + ".*\\R((?:.+\\R)+)").matcher(out);
        assertThat(m.find()).as("a table titled '%s' in:%n%s", title, out).isTrue();
        return m.group(1);
    }
}
