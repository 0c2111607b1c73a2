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
        String full = section(r.out(), "fitted on 200 labelled training images (test accuracy, 20 images)");
        String few = section(r.out(), "fitted on 6% of those labels (12 images)");
        String[] methods = {"AMDIM encoder (pre-trained)", "same encoder, random init", "raw pixels"};
        for (String table : new String[] {full, few}) {
            // the row set is complete: a header and one row per method, nothing else
            assertThat(table.lines().filter(line -> line.contains("(1 seeds)")).count()).as(table)
                    .isEqualTo(methods.length);
            for (String method : methods) {
                double accuracy = accuracy(table, method);
                assertThat(accuracy).as(method).isBetween(0.0, 100.0);
            }
        }
        // Every test image carries its class's bright band: with all 200 labels, the pre-trained encoder's and
        // the raw pixels' probes score far above chance (10 %); a table of misplaced, unscaled (fractions) or
        // error-rate numbers does not.
        double chance = 100.0 / 10;
        // and each row is what eval measured for that method and label share (eval's own table, above them)
        String[] evalNames = {"amdim", "random-init", "pixels"};
        for (int i = 0; i < methods.length; i++) {
            assertThat(accuracy(full, methods[i])).as(methods[i]).isEqualTo(evalAccuracy(r.out(), evalNames[i], "100%"));
            assertThat(accuracy(few, methods[i])).as(methods[i]).isEqualTo(evalAccuracy(r.out(), evalNames[i], "6%"));
        }
        assertThat(accuracy(full, methods[0])).as(full).isGreaterThan(3 * chance);
        assertThat(accuracy(full, methods[2])).as(full).isGreaterThan(3 * chance);
    }

    /** The accuracy (%) of {@code method} at a label share in the table amdim eval printed. */
    private static double evalAccuracy(String out, String method, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(method) + " +\\S+ +linear +" + Pattern.quote(labels)
                + " +(\\d+\\.\\d\\d) ± ").matcher(out);
        assertThat(m.find()).as("eval's row for %s at %s in:%n%s", method, labels, out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The mean accuracy (%) on {@code method}'s row of a table. */
    private static double accuracy(String table, String method) {
        Matcher m = Pattern.compile(Pattern.quote(method) + " +\\S+ +(\\d+\\.\\d\\d) ± (\\d+\\.\\d\\d) \\(1 seeds\\)")
                .matcher(table);
        assertThat(m.find()).as("a row for '%s' in:%n%s", method, table).isTrue();
        assertThat(Double.parseDouble(m.group(2))).as("the spread over one seed").isZero();
        return Double.parseDouble(m.group(1));
    }

    /** The table under the title containing {@code title}: its lines up to the next blank line. */
    private static String section(String out, String title) {
        Matcher m = Pattern.compile("(?m)^.*" + Pattern.quote(title) + ".*\\R((?:.+\\R)+)").matcher(out);
        assertThat(m.find()).as("a table titled '%s' in:%n%s", title, out).isTrue();
        return m.group(1);
    }
}
