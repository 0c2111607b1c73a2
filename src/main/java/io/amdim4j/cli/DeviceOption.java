package io.amdim4j.cli;

import io.amdim4j.runtime.ComputeDevice;
import picocli.CommandLine.Option;

/**
 * {@code --device} of the commands that run the encoder (pretrain, eval, embed, finetune, bench
 * train-step). A GPU the engine does not see is refused while the command line is parsed, with
 * the option named, before any data is read.
 */
final class DeviceOption {

    @Option(names = "--device", paramLabel = "cpu|gpu|gpu:N", converter = DeviceConverter.class,
            description = "Where the model's arrays live: cpu, gpu (GPU 0) or gpu:N; a GPU needs the -Pgpu "
                    + "build and a CUDA libtorch (README, section GPU) (default: ${DEFAULT-VALUE}).")
    ComputeDevice device = ComputeDevice.CPU;

    /** Reads the value, then asks the engine whether it sees that GPU. */
    static final class DeviceConverter extends ParseConverter<ComputeDevice> {
        DeviceConverter() {
            super(value -> ComputeDevice.parse(value).requireVisible());
        }
    }
}
