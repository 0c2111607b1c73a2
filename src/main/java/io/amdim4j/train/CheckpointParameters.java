package io.amdim4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a checkpoint names parameters ({@code <block>/<DJL path>}, e.g. {@code encoder/01layer_list…})
 * and the one copy of saved arrays into live parameters, shared by resume (every block of
 * {@link PretrainModel}) and {@link TrainedEncoder} (the encoder block alone), so both accept and
 * refuse the same checkpoints with the same messages.
 */
final class CheckpointParameters {

    private CheckpointParameters() {}

    /**
     * Adds the parameters of {@code block}, batch-norm running statistics included, under their
     * checkpoint names.
     *
     * @param blockName the block's name in the checkpoint, e.g. {@link PretrainModel#ENCODER}
     * @param block the block
     * @param out receives {@code blockName/path → parameter}
     */
    static void name(String blockName, Block block, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(blockName + "/" + p.getKey(), p.getValue());
        }
    }

    /**
     * Copies each saved array into the parameter of the same name, converting to its data type.
     * Saved arrays whose names do not start with {@code prefix} belong to other blocks and are
     * skipped.
     *
     * @param targets the live parameters by checkpoint name
     * @param saved the checkpoint's named arrays
     * @param prefix names to consider ("" for all)
     * @param source the checkpoint, for messages
     * @throws IOException naming {@code source} and the parameter if one is unexpected, missing or
     *     of another shape (a checkpoint of another configuration)
     */
    static void restore(Map<String, Parameter> targets, Iterable<NDArray> saved, String prefix, String source)
            throws IOException {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray a : saved) {
            if (a.getName() != null && a.getName().startsWith(prefix)) {
                byName.put(a.getName(), a);
            }
        }
        for (String name : byName.keySet()) {
            if (!targets.containsKey(name)) {
                throw new IOException(source + ": unexpected parameter " + name
                        + " (was the checkpoint written for another configuration?)");
            }
        }
        for (Map.Entry<String, Parameter> p : targets.entrySet()) {
            NDArray stored = byName.get(p.getKey());
            NDArray target = p.getValue().getArray();
            if (stored == null) {
                throw new IOException(source + ": parameter " + p.getKey() + " is missing");
            }
            if (!stored.getShape().equals(target.getShape())) {
                throw new IOException(source + ": parameter " + p.getKey() + " has shape " + stored.getShape()
                        + ", expected " + target.getShape() + " (was the checkpoint written for another configuration?)");
            }
            target.set(stored.toType(target.getDataType(), false).toByteBuffer());
        }
    }
}
