package io.amdim4j.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the engine's arrays live ({@code --device}): the CPU, or one CUDA GPU by its index.
 * Recorded in {@code config.json} and in the benchmark JSON.
 *
 * <p>The device is chosen in one place: {@link #newBaseManager()} opens the root manager of a
 * command, and every manager below it, every array created from host data in them and every
 * array computed from those inherits its device. Nothing else asks the engine for a manager:
 * DJL's plain {@code NDManager.newBaseManager()} would take the engine's default device, which
 * is GPU 0 whenever the engine sees one.
 *
 * @param gpu index of the CUDA device, or {@code -1} for the CPU
 */
public record ComputeDevice(int gpu) {

    /** The CPU: the default, and the only device of the {@code pytorch-native-cpu} build. */
    public static final ComputeDevice CPU = new ComputeDevice(-1);

    private static final Pattern GPU = Pattern.compile("gpu(?::(\\d{1,4}))?");

    /**
     * Refuses an index below -1.
     *
     * @param gpu index of the CUDA device, or {@code -1} for the CPU
     */
    public ComputeDevice {
        if (gpu < -1) {
            throw new IllegalArgumentException("a GPU index is >= 0 (-1 for the CPU), got " + gpu);
        }
    }

    /**
     * Reads {@code cpu}, {@code gpu} (GPU 0) or {@code gpu:N}.
     *
     * @param text the option's value
     * @return the device
     * @throws IllegalArgumentException listing the accepted forms
     */
    @JsonCreator
    public static ComputeDevice parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return CPU;
        }
        Matcher m = GPU.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a device: give cpu, gpu or gpu:N (N the index "
                    + "of a CUDA GPU)");
        }
        return new ComputeDevice(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
    }

    /**
     * The device of an engine array or manager.
     *
     * @param device a CPU or GPU device of DJL
     * @return the same device
     * @throws IllegalArgumentException for another kind of device
     */
    public static ComputeDevice of(Device device) {
        if (device.isGpu()) {
            return new ComputeDevice(device.getDeviceId());
        }
        if (Device.Type.CPU.equals(device.getDeviceType())) {
            return CPU;
        }
        throw new IllegalArgumentException("device " + device + " is neither the CPU nor a CUDA GPU");
    }

    /**
     * Where an initialised block's parameters live.
     *
     * @param block a block with at least one initialised parameter
     * @return the device of its first parameter
     */
    public static ComputeDevice holding(Block block) {
        if (block.getParameters().isEmpty()) {
            throw new IllegalArgumentException(block.getClass().getSimpleName() + " has no parameters to locate");
        }
        return of(block.getParameters().valueAt(0).getArray().getDevice());
    }

    /**
     * Whether this is a CUDA GPU.
     *
     * @return {@code true} for a GPU, {@code false} for the CPU
     */
    public boolean isGpu() {
        return gpu >= 0;
    }

    /**
     * DJL's device.
     *
     * @return {@code Device.cpu()} or {@code Device.gpu(index)}
     */
    public Device djl() {
        return isGpu() ? Device.gpu(gpu) : Device.cpu();
    }

    /**
     * This device if the engine can use it.
     *
     * @param gpuCount the GPUs the engine sees ({@code Engine.getInstance().getGpuCount()})
     * @return this device
     * @throws IllegalArgumentException naming this device and how many GPUs there are
     */
    public ComputeDevice requireVisible(int gpuCount) {
        if (gpu >= gpuCount) {
            throw new IllegalArgumentException("device " + this + " is not available: the PyTorch engine sees "
                    + (gpuCount == 0 ? "no GPU (a CPU build of libtorch, or no CUDA driver; see README, section GPU)"
                    : gpuCount + " GPU" + (gpuCount == 1 ? "" : "s") + " (gpu:0 to gpu:" + (gpuCount - 1) + ")"));
        }
        return this;
    }

    /**
     * This device if the running engine can use it; loads the engine only for a GPU.
     *
     * @return this device
     * @throws IllegalArgumentException if the engine does not see this GPU
     */
    public ComputeDevice requireVisible() {
        return isGpu() ? requireVisible(Engine.getInstance().getGpuCount()) : this;
    }

    /**
     * A root manager on this device; the caller closes it.
     *
     * @return a new base manager whose arrays, and those of its sub-managers, live on this device
     * @throws IllegalArgumentException if the engine does not see this GPU
     */
    public NDManager newBaseManager() {
        NativeAllocator.tune(); // before the first tensor buffer of any command or API call; see NativeAllocator
        return NDManager.newBaseManager(requireVisible().djl());
    }

    /** {@code cpu} or {@code gpu:N}: the option's and JSON's form. */
    @JsonValue
    @Override
    public String toString() {
        return isGpu() ? "gpu:" + gpu : "cpu";
    }
}
