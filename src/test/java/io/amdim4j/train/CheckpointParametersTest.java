package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.amdim4j.WithNDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Resume ({@link PretrainModel#loadState}) and {@link TrainedEncoder} restore parameters through
 * the same {@link CheckpointParameters}: same names, same refusals.
 */
class CheckpointParametersTest extends WithNDManager {

    private final TrainConfig config = TinyRun.config(Path.of("unused"));

    @Test
    void resumeRestoresEveryParameterOfEveryBlock() throws IOException {
        try (PretrainModel saved = new PretrainModel(config, 10, 1, manager);
                PretrainModel fresh = new PretrainModel(config, 10, 2, manager)) {
            fresh.loadState(saved.state(manager), "ckpt");
            Map<String, Parameter> expected = saved.parameters();
            assertThat(fresh.parameters().keySet()).containsExactlyElementsOf(expected.keySet())
                    .anyMatch(n -> n.startsWith(TrainedEncoder.CHECKPOINT_PREFIX))
                    .anyMatch(n -> n.startsWith("mlp_probe/"));
            fresh.parameters().forEach((name, p) -> assertThat(p.getArray().toFloatArray()).as(name)
                    .containsExactly(expected.get(name).getArray().toFloatArray()));
        }
    }

    @Test
    void resumeRefusesAMissingOrMisShapedParameterAsTrainedEncoderDoes() {
        try (PretrainModel model = new PretrainModel(config, 10, 1, manager)) {
            NDList state = model.state(manager);
            String dropped = state.get(0).getName();
            NDList without = new NDList();
            state.stream().skip(1).forEach(without::add);
            assertThatThrownBy(() -> model.loadState(without, "step-2.ckpt")).isInstanceOf(IOException.class)
                    .hasMessage("step-2.ckpt: parameter " + dropped + " is missing");

            NDList reshaped = new NDList();
            for (NDArray a : state) {
                NDArray b = a.getName().equals(dropped) ? a.expandDims(0) : a;
                b.setName(a.getName());
                reshaped.add(b);
            }
            assertThatThrownBy(() -> model.loadState(reshaped, "step-2.ckpt")).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("step-2.ckpt: parameter " + dropped + " has shape");

            NDArray extra = manager.zeros(new Shape(1));
            extra.setName("encoder/no_such_weight");
            state.add(extra);
            assertThatThrownBy(() -> model.loadState(state, "step-2.ckpt")).isInstanceOf(IOException.class)
                    .hasMessageContaining("unexpected parameter encoder/no_such_weight");
        }
    }
}
