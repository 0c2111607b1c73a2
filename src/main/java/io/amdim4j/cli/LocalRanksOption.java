package io.amdim4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code --local-ranks N} of pretrain and bench train-step. The {@code amdim} launcher acts on it: it takes
 * the option out and runs {@code mpiexec -n N ./amdim ...}, whose ranks share the machine's cores (one engine
 * thread each on a 2-core machine). The command itself only sees it when started without the launcher.
 */
final class LocalRanksOption {

    @Option(names = "--local-ranks", paramLabel = "N", description = "Run N data-parallel ranks on this machine "
            + "through MPICH's mpiexec (the amdim launcher starts them), the cores shared out among them: on a "
            + "machine where one process gains little from a second engine thread, N one-thread ranks do more "
            + "pairs/s. Each rank takes the batch size given, so an update sees N times that batch, and the "
            + "NCE negatives of each rank come from its own pairs only (default: 1, one process).")
    int ranks = 1;

    /**
     * Checks the option where the launcher did not take it out.
     *
     * @throws IllegalArgumentException if it asks for more than one rank (only the launcher can start them)
     *     or for fewer than one
     */
    void check() {
        if (ranks < 1) {
            throw new IllegalArgumentException("--local-ranks must be at least 1, got " + ranks);
        }
        if (ranks > 1) {
            throw new IllegalArgumentException("--local-ranks " + ranks + " is run by the amdim launcher (./amdim "
                    + "starts mpiexec -n " + ranks + " ./amdim ...); started another way, use mpiexec -n " + ranks
                    + " directly");
        }
    }
}
