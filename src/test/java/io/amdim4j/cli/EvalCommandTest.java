package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amdim4j.data.Split;
import io.amdim4j.eval.EvalConfig;
import io.amdim4j.run.EvalJson;
import io.amdim4j.train.TinyRun;
import io.amdim4j.train.WithTinyRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amdim eval} on a real tiny pre-training run (spec §6.2, §6.3). */
class EvalCommandTest extends WithTinyRun {

    /** Train images of the tiny run: five CIFAR batch files. */
    private static final int TRAIN_IMAGES = 5 * TinyRun.PER_TRAIN_FILE;

    @TempDir
    Path tmp;

    /** Small settings: few BN batches, one seed, all labels. */
    private static List<String> args(String... more) {
        List<String> out = new ArrayList<>(List.of("eval", "--seeds", "1", "--label-fraction", "1.0",
                "--bn-batches", "2", "--batch", "4"));
        out.addAll(List.of(more));
        return out;
    }

    private static CliRunner eval(List<String> args) {
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void jsonHasEveryMethodAndProtocolAndIsWrittenToTheRun() throws IOException {
        CliRunner r = eval(args("--run-dir", run.root().toString(), "--protocol", "linear,knn", "--json"));
        assertThat(r.exitCode()).as(r.err()).isZero();

        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("checkpoint").asText())
                .isEqualTo(run.checkpoint(TinyRun.STEPS).toAbsolutePath().toString());
        assertThat(root.get("dataset").asText()).isEqualTo("cifar10:" + shared.resolve("cifar"));
        assertThat(root.get("train_split").asText()).isEqualTo("train");
        assertThat(root.get("test_split").asText()).isEqualTo("test");
        assertThat(root.get("config").get("protocols").toString()).isEqualTo("[\"linear\",\"knn\"]");
        List<String> methods = new ArrayList<>();
        for (JsonNode method : root.get("methods")) {
            JsonNode report = method.get("report");
            methods.add(report.get("method").asText());
            assertThat(report.get("train_count").asInt()).isEqualTo(TRAIN_IMAGES);
            assertThat(report.get("test_count").asInt()).isEqualTo(TinyRun.TEST_IMAGES);
            List<String> protocols = new ArrayList<>();
            for (JsonNode result : report.get("results")) {
                protocols.add(result.get("protocol").asText());
                assertThat(result.get("label_fraction").asDouble()).isEqualTo(1.0);
                assertThat(result.get("seeds")).hasSize(1);
                assertThat(result.get("mean").asDouble()).isBetween(0.0, 1.0);
                double accuracy = result.get("seeds").get(0).get("accuracy").asDouble();
                // every test image is scored once: accuracy is a multiple of 1/6
                assertThat(accuracy * TinyRun.TEST_IMAGES)
                        .isCloseTo(Math.rint(accuracy * TinyRun.TEST_IMAGES), org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(protocols).containsExactly("linear", "knn-k20", "knn-k200");
        }
        assertThat(methods).containsExactly("amdim", "random-init", "pixels");
        assertThat(root.get("methods").findValuesAsText("dimension"))
                .containsExactly("" + TinyRun.N_RKHS, "" + TinyRun.N_RKHS, "" + 3 * 32 * 32);

        assertThat(Files.readString(run.eval())).isEqualTo(r.out());
        assertThat(EvalJson.read(run.eval(), EvalConfig.class).methods()).hasSize(3);
        assertThat(root.get("pending").toString()).isEqualTo("[]");
        // the file was saved after each of the first two methods, naming what was still to come
        assertThat(r.err()).contains("saved 1 of 3 methods to " + run.eval().toAbsolutePath()
                + " (pending: random-init, pixels)").contains("saved 2 of 3 methods to " + run.eval().toAbsolutePath()
                + " (pending: pixels)");
        // the table goes to stderr when stdout carries the JSON
        assertThat(r.err()).contains("accuracy (%)").contains("random-init").contains("wrote " + run.eval().toAbsolutePath());
    }

    @Test
    void theCheckpointIsNeverWrittenAndItsRunIsFoundFromItsPath() throws IOException {
        Map<Path, byte[]> before = checkpointBytes();
        Path older = run.checkpoint(TinyRun.STEPS - 1);
        CliRunner r = eval(args("--checkpoint", older.toString(), "--protocol", "knn", "--k", "3",
                "--no-baselines"));
        assertThat(r.exitCode()).as(r.err()).isZero();

        Map<Path, byte[]> after = checkpointBytes();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));

        assertThat(r.out()).startsWith("method").contains("amdim").contains("knn-k3")
                .contains("wrote " + run.eval().toAbsolutePath());
        EvalJson<EvalConfig> written = EvalJson.read(run.eval(), EvalConfig.class);
        assertThat(written.checkpoint()).isEqualTo(older.toAbsolutePath().toString());
        assertThat(written.config().knn().kValues()).containsExactly(3);
    }

    @Test
    void aCheckpointOutsideARunIsWrittenOnlyWhereAsked() throws IOException {
        Path loose = Files.copy(run.checkpoint(TinyRun.STEPS), tmp.resolve("encoder.ckpt"));
        List<String> common = args("--checkpoint", loose.toString(), "--protocol", "knn", "--no-baselines");
        CliRunner r = eval(common);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("not written").contains("--out");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(loose);
        }

        Path out = tmp.resolve("results").resolve("eval.json");
        List<String> withOut = new ArrayList<>(common);
        withOut.addAll(List.of("--out", out.toString()));
        r = eval(withOut);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(EvalJson.read(out, EvalConfig.class).reports()).extracting(report -> report.method()).containsExactly("amdim");
    }

    @Test
    void badOptionValuesAreNamed() {
        String dir = run.root().toString();
        CliRunner unknown = CliRunner.run("eval", "--run-dir", dir, "--protocol", "linear,svm");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--protocol").contains("svm");

        for (String fraction : List.of("0", "1.5", "-0.1")) {
            CliRunner bad = CliRunner.run("eval", "--run-dir", dir, "--label-fraction", "0.1," + fraction);
            assertThat(bad.exitCode()).as(fraction).isEqualTo(2);
            assertThat(bad.err()).as(fraction).contains("--label-fraction").contains("label fraction must be in (0, 1]");
        }
        CliRunner repeated = CliRunner.run("eval", "--run-dir", dir, "--protocol", "knn,knn");
        assertThat(repeated.exitCode()).isEqualTo(2);
        assertThat(repeated.err()).contains("repeats a protocol");
        CliRunner seeds = CliRunner.run("eval", "--run-dir", dir, "--seeds", "0");
        assertThat(seeds.exitCode()).isEqualTo(2);
        assertThat(seeds.err()).contains("--seeds must be ≥ 1, got 0");
        CliRunner batch = CliRunner.run("eval", "--run-dir", dir, "--batch", "1");
        assertThat(batch.exitCode()).isEqualTo(2);
        assertThat(batch.err()).contains("--batch must be ≥ 2, got 1");
        CliRunner features = CliRunner.run("eval", "--run-dir", dir, "--features", "r1+r3");
        assertThat(features.exitCode()).isEqualTo(2);
        assertThat(features.err()).contains("--features").contains("unknown part 'r3'");
        CliRunner both = CliRunner.run("eval", "--run-dir", dir, "--checkpoint", run.checkpoint(1).toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aMissingDatasetIsNamed() {
        Path nowhere = tmp.resolve("no-cifar");
        CliRunner r = eval(args("--run-dir", run.root().toString(), "--dataset", "cifar10:" + nowhere, "--protocol", "knn"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("amdim eval: error").contains(nowhere.toString()).contains("--train-split train");
    }

    @Test
    void theDefaultTrainSplitDropsUnlabelledParts() {
        assertThat(RunSplits.labelledPart(Split.parse("train+unlabeled"))).isEqualTo(Split.TRAIN);
        assertThatThrownBy(() -> RunSplits.labelledPart(Split.parse("unlabeled"))).hasMessageContaining("--train-split");
    }

    private static Map<Path, byte[]> checkpointBytes() throws IOException {
        Map<Path, byte[]> out = new LinkedHashMap<>();
        for (Path file : run.checkpointsNewestFirst()) {
            out.put(file, Files.readAllBytes(file));
        }
        assertThat(out).hasSize(TinyRun.STEPS);
        return out;
    }
}
