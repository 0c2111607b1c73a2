package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDataCommandTest {

    /** CIFAR-10 binary record: one label byte, then 3 planes of 32x32. */
    private static final int RECORD_BYTES = 1 + 3 * 32 * 32;
    private static final int RECORDS_PER_FILE = 8;
    private static final int TRAIN_FILES = 5;

    @TempDir
    static Path dir;

    /** Writes data_batch_1..5.bin of random images with labels 0..9. */
    @BeforeAll
    static void writeCifar() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        for (int f = 1; f <= TRAIN_FILES; f++) {
            byte[] bytes = new byte[RECORDS_PER_FILE * RECORD_BYTES];
            random.nextBytes(bytes);
            for (int r = 0; r < RECORDS_PER_FILE; r++) {
                bytes[r * RECORD_BYTES] = (byte) ((f + r) % 10);
            }
            Files.write(dir.resolve("data_batch_" + f + ".bin"), bytes);
        }
    }

    @Test
    void jsonReportsAPositiveRateForTheTrainingLoader() throws Exception {
        CliRunner r = CliRunner.run("bench", "data", "--dataset", "cifar10:" + dir, "--batch", "8", "--threads", "2",
                "--batches", "3", "--warmup-seconds", "0.05", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = RunJson.mapper().readTree(r.out());
        assertThat(json.get("pairs_per_second").asDouble()).isPositive();
        assertThat(json.get("threads").asInt()).isEqualTo(2);
        assertThat(json.get("batch").asInt()).isEqualTo(8);
        assertThat(json.get("dataset").asText()).isEqualTo("cifar10:" + dir);
        assertThat(json.get("split").asText()).isEqualTo("train");
        assertThat(json.get("images").asInt()).isEqualTo(TRAIN_FILES * RECORDS_PER_FILE);
        assertThat(json.get("family").asText()).isEqualTo("cifar32");
        assertThat(json.get("view_shape").toString()).isEqualTo("[8,3,32,32]");
        assertThat(json.get("timed_batches").asInt()).isEqualTo(3);
        assertThat(json.get("timed_pairs").asInt()).isEqualTo(24);
        assertThat(json.get("window_pairs_per_second")).hasSize(3);
        assertThat(json.get("ndarray_copy_ms_per_batch").asDouble()).isPositive();
        assertThat(json.has("peak_rss_mb")).isTrue();
    }

    @Test
    void textNamesTheFamilyAndTheRate() {
        CliRunner r = CliRunner.run("bench", "data", "--dataset", "cifar10:" + dir, "--batch", "16",
                "--batches", "2", "--warmup-seconds", "0", "--no-ndarray");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("family cifar32").contains("1 loader thread(s)").contains("two-view pairs/s")
                .doesNotContain("NDArray");
    }

    @Test
    void badInputIsOneLineNamingTheProblem() {
        Path missing = dir.resolve("nowhere");
        CliRunner noData = CliRunner.run("bench", "data", "--dataset", "cifar10:" + missing, "--batches", "1");
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.err()).contains(missing.toString()).doesNotContain("at io.amdim4j");
        CliRunner twoBudgets = CliRunner.run("bench", "data", "--dataset", "cifar10:" + dir, "--batches", "1",
                "--seconds", "1");
        assertThat(twoBudgets.exitCode()).isEqualTo(2);
        assertThat(twoBudgets.err()).contains("--batches or --seconds");
        CliRunner grayCifar = CliRunner.run("bench", "data", "--dataset", "cifar10:" + dir, "--channels", "1");
        assertThat(grayCifar.err()).contains("--channels");
        CliRunner parentOnly = CliRunner.run("bench");
        assertThat(parentOnly.exitCode()).isNotZero();
        assertThat(parentOnly.err()).contains("data");
    }
}
