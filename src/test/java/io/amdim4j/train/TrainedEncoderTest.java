package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoder of a real (tiny) pre-training run comes back from its checkpoint alone. */
class TrainedEncoderTest extends WithTinyRun {

    @TempDir
    Path tmp;

    @Test
    void everyEncoderParameterOfTheCheckpointIsRestored() throws IOException {
        Path file = run.checkpoint(TinyRun.STEPS);
        TrainedEncoder trained = TrainedEncoder.load(file, manager);

        assertThat(trained.checkpoint()).isEqualTo(file);
        assertThat(trained.config()).isEqualTo(TinyRun.config(shared.resolve("cifar")));
        assertThat(trained.augment()).isEqualTo(AugmentConfig.cifar32());
        assertThat(trained.encoder().getConfig()).isEqualTo(trained.config().encoder());

        Map<String, float[]> stored = encoderArrays(Checkpoint.read(file, manager).parameters());
        List<String> restored = new ArrayList<>();
        for (Pair<String, Parameter> p : trained.encoder().getParameters()) {
            float[] expected = stored.get(TrainedEncoder.CHECKPOINT_PREFIX + p.getKey());
            assertThat(expected).as("checkpoint entry for %s", p.getKey()).isNotNull();
            assertThat(p.getValue().getArray().toFloatArray()).as(p.getKey()).containsExactly(expected);
            restored.add(p.getKey());
        }
        assertThat(restored).hasSize(stored.size());
        assertThat(restored).as("BN running statistics are parameters too").anyMatch(n -> n.endsWith("runningMean"));
    }

    @Test
    void aRunDirectoryGivesItsNewestReadableCheckpointAndReportsTheDamagedOne() throws IOException {
        Path copy = copyRun(tmp.resolve("copy"));
        RunDirectory dir = new RunDirectory(copy);
        assertThat(dir.checkpointsNewestFirst()).hasSize(TinyRun.STEPS);
        assertThat(TrainedEncoder.load(copy, manager).checkpoint()).isEqualTo(dir.checkpoint(TinyRun.STEPS));

        Path newest = dir.checkpoint(TinyRun.STEPS);
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(newest, bytes);
        List<String> warnings = new ArrayList<>();
        TrainedEncoder older = TrainedEncoder.load(copy, manager, warnings);

        assertThat(older.checkpoint()).isEqualTo(dir.checkpoint(TinyRun.STEPS - 1));
        assertThat(warnings).singleElement().asString().contains(newest.toString()).contains("damaged");
        Map<String, float[]> stored = encoderArrays(Checkpoint.read(older.checkpoint(), manager).parameters());
        for (Pair<String, Parameter> p : older.encoder().getParameters()) {
            assertThat(p.getValue().getArray().toFloatArray())
                    .containsExactly(stored.get(TrainedEncoder.CHECKPOINT_PREFIX + p.getKey()));
        }
    }

    @Test
    void aMissingOrMisShapedParameterIsNamedWithTheFile() throws IOException {
        Checkpoint good = Checkpoint.read(run.checkpoint(TinyRun.STEPS), manager);
        String dropped = firstEncoderName(good.parameters());
        NDList without = new NDList();
        good.parameters().stream().filter(a -> !a.getName().equals(dropped)).forEach(without::add);
        Path missing = new Checkpoint(good.config(), good.cursor(), without, good.optimizer())
                .save(new RunDirectory(tmp.resolve("missing")), 2);
        assertThatThrownBy(() -> TrainedEncoder.load(missing, manager))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(dropped)
                .hasMessageContaining("missing");

        NDList reshaped = new NDList();
        for (NDArray a : good.parameters()) {
            NDArray b = a.getName().equals(dropped) ? a.expandDims(0) : a;
            b.setName(a.getName());
            reshaped.add(b);
        }
        Path wrongShape = new Checkpoint(good.config(), good.cursor(), reshaped, good.optimizer())
                .save(new RunDirectory(tmp.resolve("shape")), 2);
        assertThatThrownBy(() -> TrainedEncoder.load(wrongShape, manager))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(wrongShape.toString())
                .hasMessageContaining(dropped)
                .hasMessageContaining("shape");
    }

    @Test
    void nothingAtThePathIsNamed() {
        Path nowhere = tmp.resolve("no-such-run");
        assertThatThrownBy(() -> TrainedEncoder.load(nowhere, manager))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(nowhere.toString())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TrainedEncoder.load(tmp, manager))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no checkpoint");
    }

    private static Map<String, float[]> encoderArrays(NDList parameters) {
        Map<String, float[]> out = new HashMap<>();
        for (NDArray a : parameters) {
            if (a.getName().startsWith(TrainedEncoder.CHECKPOINT_PREFIX)) {
                out.put(a.getName(), a.toFloatArray());
            }
        }
        return out;
    }

    private static String firstEncoderName(NDList parameters) {
        return parameters.stream().map(NDArray::getName).filter(n -> n.startsWith(TrainedEncoder.CHECKPOINT_PREFIX))
                .findFirst().orElseThrow();
    }

    private static Path copyRun(Path target) throws IOException {
        Files.createDirectories(target.resolve("checkpoints"));
        for (Path f : run.checkpointsNewestFirst()) {
            Files.copy(f, target.resolve("checkpoints").resolve(f.getFileName()));
        }
        return target;
    }
}
