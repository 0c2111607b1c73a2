package io.amdim4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.amdim4j.WithNDManager;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceWeightsTest extends WithNDManager {

    private static final EncoderConfig CONFIG = new EncoderConfig(32, 3, 2, 8, 2, false);

    @TempDir Path dir;

    private Encoder encoder;

    @BeforeEach
    void setUp() {
        encoder = Encoder.builder().setConfig(CONFIG).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(1));
    }

    @Test
    void tableUsesReferenceNamesAndShiftsDjlPrefixesPastTheMissingBn() {
        Map<String, String> table = ReferenceWeights.nameTable(encoder);
        assertThat(table)
                .containsEntry("layer_list.0.conv.bias", "01layer_list_01conv_bias")
                .containsEntry("layer_list.1.conv2.weight", "02layer_list_02conv2_weight")
                .containsEntry(
                        "layer_list.5.layer_list.1.conv1.weight",
                        "05layer_list_02layer_list_01conv1_weight")
                .containsEntry("layer_list.8.bn.running_var", "08layer_list_runningVar")
                .containsEntry("rkhs_block_7.shortcut.bias", "10rkhs_block_7_03shortcut_bias")
                .containsEntry("rkhs_block_5.bn_out.bn.weight", "09rkhs_block_5_04bn_out_gamma");
        assertThat(table.keySet()).noneMatch(name -> name.contains("bn1") || name.contains("bn_hid"));
        // every parameter of the encoder, running statistics included, has exactly one entry
        assertThat(table.values()).doesNotHaveDuplicates()
                .hasSize(encoder.getParameters().size());
    }

    @Test
    void loadsEveryEntryFromAFileAndSkipsUnappliedBn() throws IOException {
        NDList arrays = referenceArrays();
        arrays.add(named(manager.ones(new Shape(8)), "weights/layer_list.4.bn.weight"));
        arrays.add(named(manager.ones(new Shape(2)), "weights/layer_list.1.bn1.bn.running_var"));
        arrays.add(named(manager.ones(new Shape(8)), "weights/rkhs_block_5.bn_hid.bn.bias"));
        arrays.add(named(manager.create(3L), "weights/layer_list.8.bn.num_batches_tracked"));
        arrays.add(named(manager.zeros(new Shape(1, 3, 32, 32)), "input"));
        Path file = write(arrays, "ok.npz");

        ReferenceWeights.load(file, encoder);

        Map<String, String> table = ReferenceWeights.nameTable(encoder);
        for (NDArray expected : referenceArrays()) {
            String ref = expected.getName().substring(ReferenceWeights.WEIGHTS_PREFIX.length());
            Parameter p = encoder.getParameters().get(table.get(ref));
            assertThat(p.getArray().toFloatArray()).as(ref).containsExactly(expected.toFloatArray());
        }
        assertThat(encoder.getParameters().get("02layer_list_01conv1_weight").requiresGradient())
                .isTrue();
    }

    @Test
    void unknownEntryNamesFileAndEntry() throws IOException {
        NDList arrays = referenceArrays();
        arrays.add(named(manager.ones(new Shape(2, 2, 1, 1)), "weights/layer_list.2.layer_list.7.conv1.weight"));
        Path file = write(arrays, "unknown.npz");
        assertThatThrownBy(() -> ReferenceWeights.load(file, encoder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("weights/layer_list.2.layer_list.7.conv1.weight")
                .hasMessageContaining("matches no parameter");
    }

    @Test
    void shapeMismatchNamesFileEntryAndBothShapes() throws IOException {
        NDList arrays =
                replace(referenceArrays(), "weights/layer_list.7.conv1.weight", new Shape(8, 8, 1, 1));
        Path file = write(arrays, "shape.npz");
        assertThatThrownBy(() -> ReferenceWeights.load(file, encoder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("weights/layer_list.7.conv1.weight")
                .hasMessageContaining("has shape (8, 8, 1, 1)")
                .hasMessageContaining("expects (8, 8, 3, 3)");
    }

    @Test
    void missingEntryIsNamed() {
        NDList arrays = new NDList();
        for (NDArray a : referenceArrays()) {
            if (!a.getName().equals("weights/rkhs_block_7.conv2.weight")) {
                arrays.add(a);
            }
        }
        assertThatThrownBy(() -> ReferenceWeights.load(arrays, "mem.npz", encoder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mem.npz")
                .hasMessageContaining("weights/rkhs_block_7.conv2.weight");
    }

    @Test
    void withUseBnTheOptionalBnEntriesAreRequired() {
        Encoder withBn = Encoder.builder().setConfig(CONFIG.withUseBn(true)).build();
        withBn.initialize(manager, DataType.FLOAT32, withBn.inputShape(1));
        assertThat(ReferenceWeights.nameTable(withBn))
                .containsKeys("layer_list.4.bn.weight", "layer_list.1.bn1.bn.running_mean",
                        "rkhs_block_5.bn_hid.bn.bias");
        assertThatThrownBy(() -> ReferenceWeights.load(referenceArrays(), "nobn.npz", withBn))
                .hasMessageContaining("nobn.npz")
                .hasMessageContaining("no entry 'weights/layer_list.1.bn1.bn.bias'");
    }

    @Test
    void refusesAnUninitialisedEncoder() {
        Encoder fresh = Encoder.builder().setConfig(CONFIG).build();
        assertThatThrownBy(() -> ReferenceWeights.load(dir.resolve("x.npz"), fresh))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initialise");
    }

    /** One array per table entry, shaped like the parameter, with values the test chooses. */
    private NDList referenceArrays() {
        NDList arrays = new NDList();
        int k = 0;
        for (Map.Entry<String, String> e : ReferenceWeights.nameTable(encoder).entrySet()) {
            Shape shape = encoder.getParameters().get(e.getValue()).getArray().getShape();
            NDArray values = manager.arange(0f, shape.size()).mul(0.01f).add(k++).reshape(shape);
            arrays.add(named(values, ReferenceWeights.WEIGHTS_PREFIX + e.getKey()));
        }
        return arrays;
    }

    private NDList replace(NDList arrays, String name, Shape shape) {
        NDList out = new NDList();
        for (NDArray a : arrays) {
            out.add(a.getName().equals(name) ? named(manager.ones(shape), name) : a);
        }
        return out;
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    private Path write(NDList arrays, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            arrays.encode(out, NDList.Encoding.NPZ);
        }
        return file;
    }
}
