package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amdim4j.run.EvalJson;
import io.amdim4j.run.EvalReport;
import io.amdim4j.run.EvalSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RUN_DIR/eval.json: snake_case, complete, atomic, and read back as written. */
class EvalJsonTest {

    @TempDir
    Path tmp;

    static EvalJson<EvalConfig> sample() {
        EvalConfig config = EvalConfig.defaults().withSeeds(2, 9)
                .withLabelFractions(List.of(LabelFraction.of(0.1), LabelFraction.ALL))
                .withFeatureSet(FeatureSet.MULTISCALE);
        return new EvalJson<>("/runs/a/checkpoints/step-00000002.ckpt", "cifar10:/data/cifar", "train", "test",
                config, 0L, EvalSamples.methods(), List.of(), 4.75, EvalSamples.provenance());
    }

    @Test
    void writesSnakeCaseJsonWithEveryReportAndReadsItBack() throws IOException {
        EvalJson<EvalConfig> written = sample();
        Path file = tmp.resolve("run").resolve("eval.json");
        written.write(file);

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("checkpoint").asText()).isEqualTo("/runs/a/checkpoints/step-00000002.ckpt");
        assertThat(root.get("train_split").asText()).isEqualTo("train");
        assertThat(root.get("config").get("feature_set").asText()).isEqualTo("r1+r5avg+r7avg");
        assertThat(root.get("config").get("label_fractions").toString()).isEqualTo("[0.1,1.0]");
        assertThat(root.get("config").get("bn_batches").asInt()).isEqualTo(BatchNormReestimator.REFERENCE_BATCHES);
        JsonNode amdim = root.get("methods").get(0);
        assertThat(amdim.get("dimension").asInt()).isEqualTo(96);
        assertThat(amdim.get("extraction_seconds").asDouble()).isEqualTo(2.5);
        JsonNode result = amdim.get("report").get("results").get(0);
        assertThat(result.get("label_fraction").asDouble()).isEqualTo(0.1);
        assertThat(result.get("mean").asDouble()).isEqualTo(0.625);
        assertThat(result.get("std").asDouble()).isEqualTo(Math.sqrt(0.03125));
        assertThat(result.get("seeds").get(1).get("hyperparameters").get(LinearEval.L2).asDouble()).isEqualTo(1e-3);
        assertThat(root.get("methods").get(1).get("report").get("method").asText()).isEqualTo("pixels");
        assertThat(root.get("provenance").get("threads").asInt()).isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo(new String(written.toBytes(), java.nio.charset.StandardCharsets.UTF_8));
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).containsExactly(file); // no temporary file left behind
        }

        EvalJson<EvalConfig> read = EvalJson.read(file, EvalConfig.class);
        assertThat(read).isEqualTo(written);
        assertThat(read.reports()).extracting(EvalReport::method).containsExactly("amdim", "pixels");
    }

    @Test
    void aFileThatIsNotAnEvaluationIsNamed() throws IOException {
        Path missing = tmp.resolve("nothing.json");
        assertThatThrownBy(() -> EvalJson.read(missing, EvalConfig.class)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
        Path bad = tmp.resolve("eval.json");
        Files.writeString(bad, "{\"methods\": 3}");
        assertThatThrownBy(() -> EvalJson.read(bad, EvalConfig.class)).isInstanceOf(IOException.class)
                .hasMessageContaining(bad + " is not a readable eval.json");
    }

    @Test
    void aPartialEvaluationListsWhatIsPendingAndAnOldFileReadsAsComplete() throws IOException {
        EvalJson<EvalConfig> full = sample();
        EvalJson<EvalConfig> partial = new EvalJson<>(full.checkpoint(), full.dataset(), full.trainSplit(), full.testSplit(),
                full.config(), 0L, full.methods().subList(0, 1), List.of("pixels"), 2.0, full.provenance());
        assertThat(full.complete()).isTrue();
        assertThat(partial.complete()).isFalse();
        Path file = tmp.resolve("eval.json");
        partial.write(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("pending").toString()).isEqualTo("[\"pixels\"]");
        assertThat(root.has("complete")).isFalse();
        assertThat(EvalJson.read(file, EvalConfig.class)).isEqualTo(partial);

        // eval.json files written before "pending" existed were always complete
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(full.toBytes());
        old.remove("pending");
        Files.writeString(file, old.toString());
        EvalJson<EvalConfig> read = EvalJson.read(file, EvalConfig.class);
        assertThat(read.complete()).isTrue();
        assertThat(read).isEqualTo(full);
    }

    @Test
    void anEvalJsonWrittenBeforeTheFormatMovedToRunReadsWithEveryField() throws Exception {
        Path old = Path.of(EvalJsonTest.class.getResource("/io/amdim4j/run/eval-d396241.json").toURI());
        // the file is what sample() wrote at d396241: record equality compares every field, settings included
        assertThat(EvalJson.read(old, EvalConfig.class)).isEqualTo(sample());
    }
}
