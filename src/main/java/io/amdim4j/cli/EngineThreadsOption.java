package io.amdim4j.cli;

import io.amdim4j.runtime.EngineThreadPolicy;
import io.amdim4j.runtime.ThreadGovernor;
import picocli.CommandLine.Option;

/**
 * {@code --engine-threads} of the commands that train (pretrain, bench train-step): whether the engine
 * keeps the threads it started with or a {@link ThreadGovernor} chooses them by timing the updates.
 */
final class EngineThreadsOption {

    @Option(names = "--engine-threads", paramLabel = "fixed|auto", converter = PrecisionConverter.EngineThreadsConverter.class,
            description = "fixed: the engine keeps the threads it started with (AMDIM_THREADS, else one per core) "
                    + "and runs are reproducible to the bit. auto: the threads are chosen by timing the updates, and "
                    + "chosen again every 200 updates or when the updates slow down, so that another busy program "
                    + "does not stall training; runs are then no longer reproducible to the bit "
                    + "(default: ${DEFAULT-VALUE}).")
    EngineThreadPolicy policy = EngineThreadPolicy.FIXED;
}
