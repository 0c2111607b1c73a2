package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.amdim4j.WithNDManager;
import io.amdim4j.data.SeedStreams;
import io.amdim4j.eval.EncoderEvaluation;
import io.amdim4j.model.Encoder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pre-training and evaluation seed the engine the same way: fed the same 64-bit seed, the model of
 * a run and the random-init baseline of {@code amdim eval} draw the same encoder weights.
 */
class EngineSeedingTest extends WithNDManager {

    private static Map<String, float[]> weights(Block block) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    @Test
    void aRunsInitialisationEqualsTheRandomInitBaselineOfTheSameSeed() {
        TrainConfig config = TinyRun.config(Path.of("unused"));
        // the seed pre-training derives for initialisation: 64 bits, high half in use
        long initSeed = new SeedStreams(config.seed()).derive("init").epochSeed(0);
        assertThat(initSeed >>> 32).isNotZero();

        Map<String, float[]> trained;
        try (PretrainModel model = new PretrainModel(config, 10, initSeed, manager)) {
            trained = weights(model.encoder());
        }
        Encoder baseline = EncoderEvaluation.randomInit(config.encoder(), initSeed, manager);
        Map<String, float[]> random = weights(baseline);

        assertThat(random.keySet()).containsExactlyElementsOf(trained.keySet());
        trained.forEach((name, w) -> assertThat(random.get(name)).as(name).containsExactly(w));
    }
}
