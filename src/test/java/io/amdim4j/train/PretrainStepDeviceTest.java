package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrayAdapter;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.pipeline.HostBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every array of a pre-training update lives on the model's device: the inputs that
 * {@link io.amdim4j.runtime.DeviceInput} makes from the host batch, every activation, loss and
 * gradient computed from them, and the parameters and Adam moments they update. The census reads
 * DJL's manager tree ({@code NDManager.getManagedArrays()}, recursive over sub-managers) of the
 * whole engine while the update's own manager is still open, so an array made anywhere, by any
 * manager, is counted. Runs on the CPU here and on every GPU the engine sees elsewhere. On a CPU-only
 * machine, where every array is on the CPU, the arrays an update makes outside the model's own managers
 * are what fails the test (an array made there is one nothing puts on the model's device).
 */
class PretrainStepDeviceTest {

    private static final int N = 4;
    private static final int CLASSES = 10;
    private static final double LR = 1e-3;

    static Stream<ComputeDevice> devices() {
        int gpus = Engine.getInstance().getGpuCount();
        return Stream.concat(Stream.of(ComputeDevice.CPU), IntStream.range(0, gpus).mapToObj(ComputeDevice::new));
    }

    private static TrainConfig config(ComputeDevice device) {
        TrainConfig tiny = TinyRun.config(Path.of("not-read"));
        EncoderConfig encoder = new EncoderConfig(32, 3, 8, TinyRun.N_RKHS, 1, true);
        return new TrainConfig(tiny.data(), encoder, tiny.augment(), tiny.nce(), tiny.mixture(), tiny.optim(), 1, 1, N,
                1, 0, 2, false, 1, PrecisionConfig.fp32(), 1, device);
    }

    private static HostBatch batch() {
        SplittableRandom rng = new SplittableRandom(5);
        float[][] views = new float[2][N * 3 * 32 * 32];
        for (float[] view : views) {
            for (int i = 0; i < view.length; i++) {
                view[i] = (float) rng.nextGaussian();
            }
        }
        return new HostBatch(0, 0, views, 3, 32, 32, new int[] {0, 1, -1, 3}, new int[] {0, 1, 2, 3});
    }

    /** Every live array of the engine that is not on {@code device}, described. */
    private static List<String> offDevice(NDManager anyManager, Device device) {
        NDManager engine = anyManager;
        while (engine.getParentManager() != null) {
            engine = engine.getParentManager();
        }
        List<String> off = new ArrayList<>();
        for (NDArray a : engine.getManagedArrays()) {
            if (!a.getDevice().equals(device)) {
                off.add(a.getShape() + " " + a.getDataType() + " on " + a.getDevice());
            }
        }
        return off;
    }

    /**
     * Every live array of the engine outside {@code root}'s manager tree, by uid. On a CPU-only machine
     * every array is on the CPU, so the device census alone cannot fail there; an array the update makes
     * outside the model's managers is the same bug (made where nothing puts it on the model's device)
     * and is found on every machine.
     */
    private static Map<String, String> outside(NDManager root) {
        NDManager engine = root;
        while (engine.getParentManager() != null) {
            engine = engine.getParentManager();
        }
        Set<String> inside = new HashSet<>();
        root.getManagedArrays().forEach(a -> inside.add(a.getUid()));
        Map<String, String> out = new HashMap<>();
        for (NDArray a : engine.getManagedArrays()) {
            if (!inside.contains(a.getUid())) {
                out.put(a.getUid(), a.getShape() + " " + a.getDataType() + " in " + a.getManager().getName());
            }
        }
        return out;
    }

    /** What {@link #outside} finds now and did not find in {@code before}. */
    private static List<String> newOutside(NDManager root, Map<String, String> before) {
        Map<String, String> now = outside(root);
        now.keySet().removeAll(before.keySet());
        return List.copyOf(now.values());
    }

    @ParameterizedTest
    @MethodSource("devices")
    void everyArrayOfAnUpdateIsOnTheModelsDevice(ComputeDevice device) {
        TrainConfig config = config(device);
        try (NDManager root = device.newBaseManager();
                PretrainModel model = new PretrainModel(config, CLASSES, 3, root);
                CoupledL2Adam adam = new CoupledL2Adam(config.optim(), model.trainableParameters(), model.manager())) {
            PretrainStep step = new PretrainStep(config, model, adam);
            Map<String, String> before = outside(root);
            try (NDManager update = model.manager().newSubManager()) {
                StepResult result = step.forwardBackward(batch(), new SplittableRandom(9), 11, update);
                assertThat(result.isFinite()).isTrue();
                List<NDArray> made = update.getManagedArrays();
                assertThat(made).extracting(NDArray::getShape).as("both views and the labels of both views")
                        .contains(new Shape(N, 3, 32, 32), new Shape(2 * N));
                assertThat(made).as("arrays the update made").hasSizeGreaterThan(100);
                for (Parameter p : model.trainableParameters().values()) {
                    p.getArray().getGradient().attach(update);
                }
                assertThat(offDevice(root, device.djl())).as("arrays off " + device).isEmpty();
                assertThat(newOutside(root, before)).as("arrays the update made outside the model's managers").isEmpty();
            }
            adam.update(LR);
            assertThat(offDevice(root, device.djl())).as("after Adam, arrays off " + device).isEmpty();
            assertThat(newOutside(root, before)).as("arrays Adam made outside the model's managers").isEmpty();
        }
    }

    /**
     * The census is not blind: an array on another device, made in the update's manager, is reported.
     * No second device exists on a CPU-only machine (PyTorch refuses to make a CUDA tensor there), so
     * the stray array is DJL's Java-side adapter on a manager of a fake GPU, which is exactly what the
     * census asks every array: its device.
     */
    @Test
    void anArrayOnAnotherDeviceIsFound() {
        ComputeDevice device = ComputeDevice.CPU;
        TrainConfig config = config(device);
        try (NDManager root = device.newBaseManager();
                PretrainModel model = new PretrainModel(config, CLASSES, 3, root);
                CoupledL2Adam adam = new CoupledL2Adam(config.optim(), model.trainableParameters(), model.manager())) {
            try (NDManager update = model.manager().newSubManager()) {
                new PretrainStep(config, model, adam).forwardBackward(batch(), new SplittableRandom(9), 11, update);
                NDManager elsewhere = update.newSubManager(Device.gpu(7));
                StrayArray stray = new StrayArray(elsewhere);
                elsewhere.attachInternal(stray.getUid(), stray);
                assertThat(offDevice(root, device.djl())).containsExactly("(1) float32 on gpu(7)");
            }
            assertThat(offDevice(root, device.djl())).as("closed with the update").isEmpty();
        }
    }

    /** A one-value array that lives only in Java, on its manager's device. */
    private static final class StrayArray extends NDArrayAdapter {

        StrayArray(NDManager manager) {
            super(manager, manager, new Shape(1), DataType.FLOAT32, NDManager.nextUid());
        }

        @Override
        public void intern(NDArray replaced) {
            throw new UnsupportedOperationException("stray array");
        }

        @Override
        public void detach() {
            manager.detachInternal(getUid());
        }

        @Override
        public ByteBuffer toByteBuffer(boolean tryDirect) {
            return ByteBuffer.allocate(Float.BYTES);
        }
    }
}
