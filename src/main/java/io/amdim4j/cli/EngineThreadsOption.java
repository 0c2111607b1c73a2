package io.amdim4j.cli;

import io.amdim4j.train.EngineThreads;
import io.amdim4j.train.ThreadGovernor;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --engine-threads} of the commands that train (pretrain, bench train-step): whether the engine
 * keeps the threads it started with or a {@link ThreadGovernor} chooses them by timing the updates.
 */
final class EngineThreadsOption {

    /** The choices, as typed. */
    enum Policy { fixed, auto }

    @Option(names = "--engine-threads", paramLabel = "fixed|auto",
            description = "fixed: the engine keeps the threads it started with (AMDIM_THREADS, else one per core) "
                    + "and runs are reproducible to the bit. auto: the threads are chosen by timing the updates, and "
                    + "chosen again every 200 updates or when the updates slow down, so that another busy program "
                    + "does not stall training; runs are then no longer reproducible to the bit "
                    + "(default: ${DEFAULT-VALUE}).")
    Policy policy = Policy.fixed;

    /** Whether a governor chooses the threads. */
    boolean auto() {
        return policy == Policy.auto;
    }

    /**
     * A governor of the engine, between 1 and the threads it runs on now (on the calling thread, which
     * must be the one that trains).
     *
     * @param log where each choice is reported
     * @param command the command, as the log's prefix
     * @return the governor
     */
    ThreadGovernor governor(PrintWriter log, String command) {
        return ThreadGovernor.forEngine(EngineThreads.current(), log, command);
    }
}
