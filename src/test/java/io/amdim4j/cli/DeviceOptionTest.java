package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.runtime.Precision;
import io.amdim4j.runtime.PrecisionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --device}: one mixin on every command that runs the encoder, refused in one line when bad. */
class DeviceOptionTest {

    private static final List<String> COMMANDS = List.of("amdim pretrain", "amdim eval", "amdim embed",
            "amdim finetune", "amdim bench train-step");

    @Test
    void everyCommandThatRunsTheEncoderTakesOneDeviceOptionDefaultingToTheCpu() {
        Map<String, OptionSpec> found = SharedOptionsTest.commandsWith("--device");
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(COMMANDS);
        found.forEach((command, option) -> {
            assertThat(option.type()).as(command).isEqualTo(ComputeDevice.class);
            assertThat(option.defaultValueString()).as(command).isEqualTo("cpu");
            assertThat(option.description()).as(command).containsExactly(found.get(COMMANDS.get(0)).description());
        });
    }

    @Test
    void aValueOfAnotherFormIsOneLineNamingTheOption() {
        for (String command : COMMANDS) {
            List<String> args = new ArrayList<>(List.of(command.substring("amdim ".length()).split(" ")));
            args.addAll(List.of("--device", "cuda0"));
            CliRunner r = CliRunner.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(command).isEqualTo(2);
            assertThat(r.err().lines().findFirst().orElse("")).as(command)
                    .isEqualTo(command + ": error: Invalid value for option '--device': 'cuda0' is not a device: give cpu, gpu or gpu:N "
                            + "(N the index of a CUDA GPU)");
        }
    }

    @Test
    void aGpuTheEngineDoesNotSeeIsRefusedAsTheCommandLineIsRead() {
        int gpus = Engine.getInstance().getGpuCount();
        Assumptions.assumeTrue(gpus == 0, "this machine's engine sees a GPU");
        CliRunner r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--device", "gpu:0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElse(""))
                .startsWith("amdim bench train-step: error: Invalid value for option '--device': device gpu:0 is not available: the PyTorch engine "
                        + "sees no GPU");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void onAGpuPrecisionAutoIsFp32AndBf16IsRefusedNamingBothOptions() {
        ComputeDevice gpu = new ComputeDevice(0);
        PrecisionOptions auto = new PrecisionOptions();
        assertThat(auto.toConfig(gpu)).isEqualTo(new PrecisionConfig(Precision.AUTO, Precision.FP32,
                MemoryFormat.CONTIGUOUS));
        PrecisionOptions bf16 = new PrecisionOptions();
        bf16.precision = Precision.BF16;
        assertThatThrownBy(() -> bf16.toConfig(gpu)).hasMessage("--precision bf16 is PyTorch's CPU autocast and "
                + "would not act on --device gpu:0; use --precision fp32 or auto there");
    }
}
