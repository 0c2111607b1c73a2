package io.amdim4j.cli;

import io.amdim4j.dist.JobWideException;
import io.amdim4j.dist.ProcessGroup;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;

/**
 * A command's body run as one rank of an MPI job (or alone, when no MPI launcher started the process).
 * Each rank says once which pid and host it is, so that mpiexec's report of a lost process ("PID 1234
 * RUNNING AT host") names a rank. A failure all ranks share ({@link JobWideException}) is reported by rank
 * 0 and every rank leaves the job normally; a rank that fails alone reports why in one line and aborts
 * the job, since the others would wait for it in their next collective.
 */
final class MpiJob {

    /** Time for mpiexec to forward a failing rank's last line before MPI_Abort ends the job. */
    private static final long ABORT_DELAY_MILLIS = 500;

    /** How long MPI_Finalize may take once the command's work is done. */
    private static final long FINALIZE_SECONDS = 30;

    /** Exit code of a rank that failed, as {@link Main} returns for bad input. */
    private static final int FAILED = 2;

    private MpiJob() {
    }

    /**
     * Joins the job this process belongs to, runs {@code body} and leaves the job.
     *
     * @param command "amdim pretrain", for messages
     */
    static int run(String command, PrintWriter err, Body body) throws Exception {
        ProcessGroup group = ProcessGroup.fromEnvironment(System.getenv());
        if (group.size() == 1) {
            return body.apply(group);
        }
        err.printf("%s: rank %d of %d is pid %d on %s%n", command, group.rank(), group.size(),
                ProcessHandle.current().pid(), hostName());
        err.flush();
        int code;
        try {
            code = body.apply(group);
        } catch (JobWideException e) {
            if (group.isLeader()) {
                leave(group, FAILED, command, err);
                throw e;
            }
            code = FAILED; // rank 0 reports it, once for the job
        } catch (Exception | Error e) {
            err.println(command + ": error on rank " + group.rank() + ": " + e.getMessage());
            err.flush();
            // mpiexec forwards output asynchronously; the abort kills this process and its pipe
            Thread.sleep(ABORT_DELAY_MILLIS);
            group.abort(FAILED);
            throw e;
        }
        leave(group, code, command, err);
        return code;
    }

    /**
     * MPI_Finalize, watched: over TCP (UCX's tcp transport, as between hosts) it can hang after every rank
     * has finished, with nothing left to exchange. The work is done and saved by then, so after
     * {@link #FINALIZE_SECONDS} the process says so and exits with the command's code.
     */
    private static void leave(ProcessGroup group, int code, String command, PrintWriter err) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(FINALIZE_SECONDS * 1000);
            } catch (InterruptedException e) {
                return;
            }
            err.println(command + ": rank " + group.rank() + ": MPI_Finalize has not returned after "
                    + FINALIZE_SECONDS + " s; leaving without it (the run is complete)");
            err.flush();
            Runtime.getRuntime().halt(code);
        }, "mpi-finalize-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        group.close();
        watchdog.interrupt();
    }

    /** A command body that runs on a process group and returns the command's exit code. */
    @FunctionalInterface
    interface Body {
        int apply(ProcessGroup group) throws Exception;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unnamed host";
        }
    }
}
