package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.report.HtmlReport;
import io.amdim4j.report.SyntheticRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amdim report} turns its options into a report and reports bad input in one line. */
class ReportCommandTest {

    @TempDir
    Path tmp;

    /**
     * The synthetic run with the config.json of a real pre-training run, written at d396241: the
     * command reads it as the training configuration.
     */
    private SyntheticRun write() throws IOException {
        SyntheticRun run = SyntheticRun.write(tmp);
        try (InputStream old = ReportCommandTest.class.getResourceAsStream("/io/amdim4j/run/config-d396241.json")) {
            Files.copy(old, run.run.config(), StandardCopyOption.REPLACE_EXISTING);
        }
        return run;
    }

    @Test
    void writesTheReportWhereAskedWithTheGivenEmbeddingsAndImages() throws IOException {
        SyntheticRun run = write();
        Path out = tmp.resolve("out");
        CliRunner r = CliRunner.run("report", run.run.root().toString(), "--embeddings", run.embeddings.toString(),
                "--dataset", run.datasetSpec(), "--split", "test", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // every training curve (the synthetic run records all of them), the map and the gallery
        int figures = io.amdim4j.report.TrainingCurves.fileNames().size() + 2;
        assertThat(r.out()).contains("report with " + figures + " figures", out.resolve("index.html").toAbsolutePath().toString());
        assertThat(out.resolve(HtmlReport.GALLERY_FILE)).isRegularFile();
        assertThat(Files.readString(out.resolve("index.html"))).contains("beta &amp; co",
                "<td>batch size</td><td>4</td>", "<td>augmentation</td><td>cifar32</td>");
    }

    @Test
    void theDefaultsAreRunDirReportAndRunDirEmbeddings() throws IOException {
        SyntheticRun run = write();
        Files.move(run.embeddings, run.run.root().resolve("embeddings"));
        CliRunner r = CliRunner.run("report", run.run.root().toString(), "--dataset", run.datasetSpec());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(run.run.report().resolve("index.html")).isRegularFile();
        assertThat(run.run.report().resolve(HtmlReport.GALLERY_FILE)).isRegularFile();
    }

    @Test
    void badInputIsOneLineNamingTheProblem() throws IOException {
        CliRunner missing = CliRunner.run("report", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("amdim report: error: run directory").contains("nope");

        SyntheticRun run = write();
        CliRunner wrongData = CliRunner.run("report", run.run.root().toString(), "--embeddings",
                run.embeddings.toString(), "--dataset", "cifar10:" + tmp.resolve("no-such-dir"));
        assertThat(wrongData.exitCode()).isEqualTo(2);
        assertThat(wrongData.err()).startsWith("amdim report: error: --dataset cifar10:").contains("no-such-dir");

        CliRunner noEmbeddings = CliRunner.run("report", run.run.root().toString(), "--embeddings",
                tmp.resolve("empty").toString());
        assertThat(noEmbeddings.exitCode()).isEqualTo(2);
        assertThat(noEmbeddings.err()).contains("has no embeddings.npy");
    }
}
