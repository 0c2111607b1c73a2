package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.model.ReferenceWeights;
import io.amdim4j.run.InitSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --init-from}: another run's or a reference state dict's encoder weights, checked and copied bit for bit. */
class WarmStartTest extends WithTinyRun {

    /** A reference-implementation state dict of this encoder (golden/README.md). */
    static final Path NPZ = Path.of("src/test/resources/golden/encoder/encoder_s32_c3_ndf8_r64_d2_seed1.npz");
    static final EncoderConfig NPZ_ENCODER = new EncoderConfig(32, 3, 8, 64, 2, false);

    @Test
    void aRunsNewestCheckpointIsCopiedBitForBitAndItsProvenanceRecorded() throws IOException {
        Path newest = run.checkpoint(TinyRun.STEPS);
        EncoderConfig config = TinyRun.config(shared.resolve("cifar")).encoder();
        Encoder target = freshEncoder(config);
        try (WarmStart init = WarmStart.load(run.root(), config, manager, new ArrayList<>())) {
            init.copyInto(target);
            InitSource source = init.source();
            assertThat(source.kind()).isEqualTo(InitSource.RUN);
            assertThat(source.path()).isEqualTo(newest.toAbsolutePath().toString());
            assertThat(source.sha256()).isEqualTo(InitSource.sha256(newest)).matches("sha256:[0-9a-f]{64}");
            assertThat(source.sourceConfig()).containsEntry("ndf", "8").containsEntry("n_rkhs", "32")
                    .containsEntry("dataset", "cifar10:" + shared.resolve("cifar"));
        }
        Map<String, float[]> stored = new HashMap<>();
        for (NDArray a : Checkpoint.read(newest, manager).parameters()) {
            stored.put(a.getName(), a.toFloatArray());
        }
        int copied = 0;
        for (Pair<String, Parameter> p : target.getParameters()) {
            float[] expected = stored.get(TrainedEncoder.CHECKPOINT_PREFIX + p.getKey());
            assertThat(p.getValue().getArray().toFloatArray()).as(p.getKey()).containsExactly(expected);
            copied++;
        }
        assertThat(copied).isEqualTo(target.getParameters().size()).isPositive();
    }

    @Test
    void oneCheckpointFileIsASourceOfItsOwn() throws IOException {
        Path first = run.checkpoint(1);
        try (WarmStart init = WarmStart.load(first, TinyRun.config(shared.resolve("cifar")).encoder(), manager,
                new ArrayList<>())) {
            assertThat(init.source().kind()).isEqualTo(InitSource.CHECKPOINT);
            assertThat(init.source().path()).isEqualTo(first.toAbsolutePath().toString());
        }
    }

    @Test
    void aRunWithAnotherEncoderIsRefusedNamingTheFileAndEachDifference() {
        EncoderConfig wider = new EncoderConfig(32, 3, 16, 64, 1, false);
        assertThatThrownBy(() -> WarmStart.load(run.root(), wider, manager, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--init-from " + run.checkpoint(TinyRun.STEPS))
                .hasMessageContaining("ndf 8 (this run: 16)").hasMessageContaining("n_rkhs 32 (this run: 64)")
                .hasMessageNotContaining("n_depth").hasMessageNotContaining("\n");
    }

    @Test
    void aReferenceStateDictIsCopiedBitForBit() throws IOException {
        Encoder target = freshEncoder(NPZ_ENCODER);
        try (WarmStart init = WarmStart.load(NPZ, NPZ_ENCODER, manager, new ArrayList<>())) {
            init.copyInto(target);
            assertThat(init.source().kind()).isEqualTo(InitSource.NPZ);
            assertThat(init.source().sha256()).isEqualTo(InitSource.sha256(NPZ));
            assertThat(init.source().sourceConfig()).isEmpty();
        }
        Map<String, String> table = ReferenceWeights.nameTable(target);
        try (NDManager scratch = manager.newSubManager(); InputStream in = Files.newInputStream(NPZ)) {
            NDList arrays = NDList.decode(scratch, in);
            List<String> checked = new ArrayList<>();
            for (NDArray a : arrays) {
                String name = a.getName().replaceFirst("^" + ReferenceWeights.WEIGHTS_PREFIX, "");
                if (a.getName().startsWith(ReferenceWeights.WEIGHTS_PREFIX) && table.containsKey(name)) {
                    Parameter p = target.getParameters().get(table.get(name));
                    assertThat(p.getArray().toFloatArray()).as(name)
                            .containsExactly(a.toType(DataType.FLOAT32, false).toFloatArray());
                    checked.add(name);
                }
            }
            assertThat(checked).containsExactlyInAnyOrderElementsOf(table.keySet());
        }
    }

    @Test
    void aStateDictOfAnotherShapeIsRefusedNamingTheFileAndTheEntry() {
        EncoderConfig wider = new EncoderConfig(32, 3, 16, 64, 2, false);
        assertThatThrownBy(() -> WarmStart.load(NPZ, wider, manager, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--init-from " + NPZ)
                .hasMessageContaining("entry 'weights/layer_list.0.conv.weight' has shape (8, 3, 3, 3)")
                .hasMessageNotContaining("\n");
        EncoderConfig shallower = new EncoderConfig(32, 3, 8, 64, 1, false);
        assertThatThrownBy(() -> WarmStart.load(NPZ, shallower, manager, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--init-from " + NPZ).hasMessageContaining("matches no parameter");
    }

    @Test
    void aMissingSourceIsNamed() {
        Path nowhere = shared.resolve("no-such-run");
        assertThatThrownBy(() -> WarmStart.load(nowhere, NPZ_ENCODER, manager, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--init-from " + nowhere + ": no such run directory, checkpoint or .npz file");
    }

    private Encoder freshEncoder(EncoderConfig config) {
        Encoder encoder = Encoder.builder().setConfig(config).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(1));
        return encoder;
    }
}
