package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EvalJson} on its own: generic in the settings, so a reader that does not know the
 * evaluation's settings type (the report) still reads every result.
 */
class EvalJsonTest {

    @TempDir
    Path tmp;

    /** Stands in for eval's settings record. */
    record Settings(int seeds, List<Double> labelFractions) {}

    @Test
    void roundTripsWithTypedSettingsAndReadsWithOpaqueOnes() throws IOException {
        EvalJson<Settings> written = new EvalJson<>("/runs/a/checkpoints/step-00000002.ckpt", "cifar10:/data/c",
                "train", "test", new Settings(2, List.of(0.1, 1.0)), 3L, EvalSamples.methods(), List.of("knn"), 4.75,
                EvalSamples.provenance());
        Path file = tmp.resolve("eval.json");
        written.write(file);

        assertThat(EvalJson.read(file, Settings.class)).isEqualTo(written);
        EvalJson<JsonNode> opaque = EvalJson.read(file, JsonNode.class);
        assertThat(opaque.methods()).isEqualTo(written.methods());
        assertThat(opaque.pending()).containsExactly("knn");
        assertThat(opaque.config().get("label_fractions").toString()).isEqualTo("[0.1,1.0]");
    }

    @Test
    void anEvalJsonOfTheEarlierFormatReadsEveryResult() throws Exception {
        Path old = Path.of(EvalJsonTest.class.getResource("eval-d396241.json").toURI());
        EvalJson<JsonNode> read = EvalJson.read(old, JsonNode.class);

        assertThat(read.checkpoint()).isEqualTo("/runs/a/checkpoints/step-00000002.ckpt");
        assertThat(read.dataset()).isEqualTo("cifar10:/data/cifar");
        assertThat(read.trainSplit()).isEqualTo("train");
        assertThat(read.testSplit()).isEqualTo("test");
        assertThat(read.randomInitSeed()).isZero();
        assertThat(read.seconds()).isEqualTo(4.75);
        assertThat(read.complete()).isTrue();
        assertThat(read.provenance()).isEqualTo(EvalSamples.provenance());
        // methods, reports, results, per-seed outcomes and hyper-parameters, by record equality
        assertThat(read.methods()).isEqualTo(EvalSamples.methods());
        assertThat(read.config().get("seeds").asInt()).isEqualTo(2);
    }
}
