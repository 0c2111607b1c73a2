package io.amdim4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code amdim bench}: the parent of the benchmark commands; each measurement is one subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure parts of pre-training on this machine.",
        subcommands = {BenchDataCommand.class, BenchTrainStepCommand.class, BenchSearchCommand.class,
                BenchAllReduceCommand.class, BenchServeCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a benchmark is required: " + String.join(", ", spec.subcommands().keySet()));
    }
}
