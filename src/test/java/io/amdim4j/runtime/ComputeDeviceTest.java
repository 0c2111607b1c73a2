package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.amdim4j.run.RunJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --device}'s value: its forms, DJL's device, the engine's GPU count and the JSON name. */
class ComputeDeviceTest {

    @Test
    void cpuGpuAndGpuNAreReadAndWrittenInOneForm() {
        assertThat(ComputeDevice.parse("cpu")).isEqualTo(ComputeDevice.CPU);
        assertThat(ComputeDevice.parse(" CPU ")).isEqualTo(ComputeDevice.CPU);
        assertThat(ComputeDevice.parse("gpu")).isEqualTo(new ComputeDevice(0));
        assertThat(ComputeDevice.parse("gpu:3").gpu()).isEqualTo(3);
        assertThat(List.of(ComputeDevice.CPU, ComputeDevice.parse("gpu"), ComputeDevice.parse("gpu:3")))
                .extracting(ComputeDevice::toString).containsExactly("cpu", "gpu:0", "gpu:3");
    }

    @Test
    void aValueOfAnotherFormIsRefusedListingTheForms() {
        for (String bad : List.of("cuda", "gpu:", "gpu:-1", "gpu0", "gpu:a", "tpu", "")) {
            assertThatThrownBy(() -> ComputeDevice.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is not a device: give cpu, gpu or gpu:N (N the index of a CUDA GPU)");
        }
    }

    @Test
    void itMapsToDjlsDeviceAndBack() {
        assertThat(ComputeDevice.CPU.djl()).isEqualTo(Device.cpu());
        assertThat(ComputeDevice.parse("gpu:2").djl()).isEqualTo(Device.gpu(2));
        assertThat(ComputeDevice.of(Device.gpu(2))).isEqualTo(ComputeDevice.parse("gpu:2"));
        assertThat(ComputeDevice.of(Device.cpu())).isEqualTo(ComputeDevice.CPU);
        assertThatThrownBy(() -> ComputeDevice.of(Device.of("mps", 0))).hasMessageContaining("mps");
    }

    @Test
    void aGpuBeyondTheEnginesCountIsRefusedSayingHowManyThereAre() {
        assertThat(ComputeDevice.parse("gpu:1").requireVisible(2)).isEqualTo(new ComputeDevice(1));
        assertThat(ComputeDevice.CPU.requireVisible(0)).isEqualTo(ComputeDevice.CPU);
        assertThatThrownBy(() -> ComputeDevice.parse("gpu").requireVisible(0))
                .hasMessageStartingWith("device gpu:0 is not available: the PyTorch engine sees no GPU");
        assertThatThrownBy(() -> ComputeDevice.parse("gpu:2").requireVisible(2))
                .hasMessage("device gpu:2 is not available: the PyTorch engine sees 2 GPUs (gpu:0 to gpu:1)");
    }

    @Test
    void theRootManagerIsOnTheDeviceAndAGpuTheEngineLacksIsRefusedBeforeOne() {
        try (NDManager root = ComputeDevice.CPU.newBaseManager(); NDManager step = root.newSubManager()) {
            NDArray x = step.create(new float[] {1, 2});
            assertThat(x.getDevice()).isEqualTo(Device.cpu());
            assertThat(ComputeDevice.of(x.getDevice())).isEqualTo(ComputeDevice.CPU);
        }
        int gpus = Engine.getInstance().getGpuCount();
        ComputeDevice beyond = new ComputeDevice(gpus);
        assertThatThrownBy(beyond::newBaseManager).hasMessageContaining("device " + beyond + " is not available");
    }

    @Test
    void jsonHoldsTheOptionsForm() throws Exception {
        String json = RunJson.mapper().writeValueAsString(ComputeDevice.parse("gpu:1"));
        assertThat(json).isEqualTo("\"gpu:1\"");
        assertThat(RunJson.mapper().readValue(json, ComputeDevice.class)).isEqualTo(new ComputeDevice(1));
        assertThat(RunJson.mapper().readValue("\"cpu\"", ComputeDevice.class)).isEqualTo(ComputeDevice.CPU);
    }
}
