package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads encoder weights named as in the reference implementation's state dictionary (the names
 * are listed in {@code src/test/resources/golden/README.md}, section encoder/) from an {@code
 * .npz} file: every entry {@code weights/<name>} is placed in our {@link Encoder}, BN running
 * statistics included.
 *
 * <p>The mapping lives in one table ({@link #nameTable}): reference name → our parameter. Entries
 * of optional BN layers that the configuration does not apply ({@code use_bn = false}), and BN's
 * {@code num_batches_tracked} counters (no counterpart: our momentum is fixed), are skipped. Any
 * other unknown {@code weights/} entry, any parameter without an entry and any shape mismatch
 * fails with a message naming the file and the entry. Entries outside {@code weights/} (test
 * vectors stored beside the weights) are ignored.
 */
public final class ReferenceWeights {

    /** Prefix of the weight entries in the {@code .npz} file. */
    public static final String WEIGHTS_PREFIX = "weights/";

    private static final String NUM_BATCHES_TRACKED = "num_batches_tracked";

    /** Reference BN entry suffix → DJL BatchNorm parameter name. */
    private static final Map<String, String> BN_NAMES =
            Map.of(
                    "weight", "gamma",
                    "bias", "beta",
                    "running_mean", "runningMean",
                    "running_var", "runningVar");

    private ReferenceWeights() {}

    /**
     * Reads {@code npz} and copies its weights into an initialised encoder.
     *
     * @param npz the file
     * @param encoder the encoder, already initialised (e.g. {@code encoder.initialize(manager,
     *     DataType.FLOAT32, encoder.inputShape(1))})
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and entry on an unknown entry, a missing
     *     parameter or a shape mismatch
     */
    public static void load(Path npz, Encoder encoder) throws IOException {
        NDManager owner = anyParameter(encoder).getArray().getManager();
        try (NDManager scratch = owner.newSubManager();
                InputStream in = new BufferedInputStream(Files.newInputStream(npz))) {
            NDList arrays;
            try {
                arrays = NDList.decode(scratch, in);
            } catch (RuntimeException e) {
                throw new IOException("cannot decode " + npz + " as .npz: " + e.getMessage(), e);
            }
            load(arrays, npz.toString(), encoder);
        }
    }

    /**
     * Copies named arrays into an initialised encoder.
     *
     * @param arrays arrays named {@code weights/<reference name>} (others are ignored)
     * @param source where the arrays come from, for error messages
     * @param encoder the initialised encoder
     */
    static void load(NDList arrays, String source, Encoder encoder) {
        Map<String, Parameter> table = parameterTable(encoder);
        Set<String> skipped = skippedNames(encoder);
        Set<String> seen = new HashSet<>();
        for (NDArray array : arrays) {
            String entry = array.getName();
            if (entry == null || !entry.startsWith(WEIGHTS_PREFIX)) {
                continue;
            }
            String name = entry.substring(WEIGHTS_PREFIX.length());
            if (skipped.contains(name) || name.endsWith("." + NUM_BATCHES_TRACKED)) {
                continue;
            }
            Parameter target = table.get(name);
            if (target == null) {
                throw new IllegalArgumentException(
                        source + ": entry '" + entry + "' " + array.getShape()
                                + " matches no parameter of the encoder " + encoder.getConfig());
            }
            Shape expected = target.getArray().getShape();
            if (!array.getShape().equals(expected)) {
                throw new IllegalArgumentException(
                        source + ": entry '" + entry + "' has shape " + array.getShape()
                                + ", the encoder expects " + expected);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(source + ": entry '" + entry + "' appears twice");
            }
            // copies values only: the parameter keeps its array, manager and gradient flag
            target.getArray().set(array.toType(DataType.FLOAT32, false).toFloatArray());
        }
        for (String name : table.keySet()) {
            if (!seen.contains(name)) {
                throw new IllegalArgumentException(
                        source + ": no entry '" + WEIGHTS_PREFIX + name + "' for parameter of shape "
                                + table.get(name).getArray().getShape());
            }
        }
    }

    /**
     * The mapping table: reference state-dict name → our parameter path (as listed by {@code
     * encoder.getParameters()}), in reference order. Only layers the configuration applies appear.
     *
     * @param encoder the encoder (built, not necessarily initialised)
     * @return an unmodifiable ordered map
     */
    public static Map<String, String> nameTable(Encoder encoder) {
        Map<Parameter, String> paths = new IdentityHashMap<>();
        encoder.getParameters().forEach(pair -> paths.put(pair.getValue(), pair.getKey()));
        Map<String, String> names = new LinkedHashMap<>();
        parameterTable(encoder).forEach((ref, parameter) -> names.put(ref, paths.get(parameter)));
        return Collections.unmodifiableMap(names);
    }

    /** The table itself: reference name → parameter, walking the layout of spec §2.3. */
    private static Map<String, Parameter> parameterTable(Encoder encoder) {
        Map<String, Parameter> table = new LinkedHashMap<>();
        for (LayerSpec spec : encoder.getLayout().layers()) {
            Optional<Block> block = encoder.layer(spec.index());
            if (block.isEmpty()) {
                continue;
            }
            String prefix = "layer_list." + spec.index() + ".";
            switch (spec.kind()) {
                case STEM_CONV:
                    Conv2d conv = ((StemConv) block.get()).conv();
                    table.put(prefix + "conv.weight", parameter(conv, "weight"));
                    table.put(prefix + "conv.bias", parameter(conv, "bias"));
                    break;
                case RESIDUAL_UNIT:
                    putUnit(table, prefix, (ResidualUnit) block.get());
                    break;
                case RESIDUAL_BLOCK:
                    ResidualBlock stage = (ResidualBlock) block.get();
                    for (int j = 0; j < stage.units().size(); j++) {
                        putUnit(table, prefix + "layer_list." + j + ".", stage.units().get(j));
                    }
                    break;
                case OPTIONAL_BN:
                case FINAL_BN:
                    putBatchNorm(table, prefix + "bn.", (BatchNorm) block.get());
                    break;
                default:
                    throw new IllegalStateException("unknown layer kind " + spec.kind());
            }
        }
        putHead(table, EncoderSummary.HEAD5_NAME + ".", encoder.head5());
        putHead(table, EncoderSummary.HEAD7_NAME + ".", encoder.head7());
        return table;
    }

    private static void putUnit(Map<String, Parameter> table, String prefix, ResidualUnit unit) {
        table.put(prefix + "conv1.weight", parameter(unit.conv1(), "weight"));
        unit.bn1().ifPresent(bn -> putBatchNorm(table, prefix + "bn1.bn.", bn));
        table.put(prefix + "conv2.weight", parameter(unit.conv2(), "weight"));
    }

    private static void putHead(Map<String, Parameter> table, String prefix, EmbeddingHead head) {
        table.put(prefix + "conv1.weight", parameter(head.conv1(), "weight"));
        head.bnHid().ifPresent(bn -> putBatchNorm(table, prefix + "bn_hid.bn.", bn));
        table.put(prefix + "conv2.weight", parameter(head.conv2(), "weight"));
        table.put(prefix + "shortcut.weight", parameter(head.shortcut(), "weight"));
        table.put(prefix + "shortcut.bias", parameter(head.shortcut(), "bias"));
        putBatchNorm(table, prefix + "bn_out.bn.", head.bnOut());
    }

    private static void putBatchNorm(Map<String, Parameter> table, String prefix, BatchNorm bn) {
        for (Map.Entry<String, String> e : new TreeMap<>(BN_NAMES).entrySet()) {
            table.put(prefix + e.getKey(), parameter(bn, e.getValue()));
        }
    }

    /**
     * Reference names of the optional BN layers the configuration does not apply; the reference
     * registers them anyway (spec §9 #18).
     */
    private static Set<String> skippedNames(Encoder encoder) {
        Set<String> skipped = new HashSet<>();
        if (encoder.getConfig().useBn()) {
            return skipped;
        }
        for (LayerSpec spec : encoder.getLayout().layers()) {
            String prefix = "layer_list." + spec.index() + ".";
            switch (spec.kind()) {
                case OPTIONAL_BN:
                    addBatchNormNames(skipped, prefix + "bn.");
                    break;
                case RESIDUAL_UNIT:
                    addBatchNormNames(skipped, prefix + "bn1.bn.");
                    break;
                case RESIDUAL_BLOCK:
                    for (int j = 0; j < spec.units(); j++) {
                        addBatchNormNames(skipped, prefix + "layer_list." + j + ".bn1.bn.");
                    }
                    break;
                default:
                    break;
            }
        }
        addBatchNormNames(skipped, EncoderSummary.HEAD5_NAME + ".bn_hid.bn.");
        addBatchNormNames(skipped, EncoderSummary.HEAD7_NAME + ".bn_hid.bn.");
        return skipped;
    }

    private static void addBatchNormNames(Set<String> names, String prefix) {
        BN_NAMES.keySet().forEach(suffix -> names.add(prefix + suffix));
    }

    private static Parameter parameter(Block block, String name) {
        Parameter parameter = block.getParameters().get(name);
        if (parameter == null) {
            throw new IllegalStateException(block.getClass().getSimpleName() + " has no " + name);
        }
        return parameter;
    }

    private static Parameter anyParameter(Encoder encoder) {
        Parameter first = encoder.getParameters().values().get(0);
        if (!encoder.isInitialized() || first.getArray() == null) {
            throw new IllegalStateException(
                    "initialise the encoder before loading weights, e.g. encoder.initialize("
                            + "manager, DataType.FLOAT32, encoder.inputShape(1))");
        }
        return first;
    }
}
