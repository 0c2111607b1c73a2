package io.amdim4j.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * A host copy of every parameter of a block, batch-norm running statistics included, so the best
 * epoch's weights can be put back after early stopping without keeping engine arrays alive.
 */
final class ParameterSnapshot {

    private final List<float[]> values;

    private ParameterSnapshot(List<float[]> values) {
        this.values = values;
    }

    static ParameterSnapshot of(Block block) {
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            values.add(p.getValue().getArray().toFloatArray());
        }
        return new ParameterSnapshot(values);
    }

    /** Writes the copy back into the same block. */
    void restore(Block block) {
        int i = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            array.set(values.get(i++));
        }
    }
}
