package io.amdim4j.cli;

import io.amdim4j.dist.ProcessGroup;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;

/**
 * A command's body run as one rank of an MPI job (or alone, when no MPI launcher started the process).
 * Each rank says once which pid and host it is, so that mpiexec's report of a lost process ("PID 1234
 * RUNNING AT host") names a rank. A rank that fails reports why in one line and aborts the job: the
 * others would otherwise wait for it in their next collective.
 */
final class MpiJob {

    private MpiJob() {
    }

    /**
     * Joins the job this process belongs to, runs {@code body} and leaves the job.
     *
     * @param command "amdim pretrain", for messages
     */
    static <T> T run(String command, PrintWriter err, Function<T> body) throws Exception {
        try (ProcessGroup group = ProcessGroup.fromEnvironment(System.getenv())) {
            if (group.size() == 1) {
                return body.apply(group);
            }
            err.printf("%s: rank %d of %d is pid %d on %s%n", command, group.rank(), group.size(),
                    ProcessHandle.current().pid(), hostName());
            err.flush();
            try {
                return body.apply(group);
            } catch (Exception | Error e) {
                err.println(command + ": error on rank " + group.rank() + ": " + e.getMessage());
                err.flush();
                group.abort(2);
                throw e;
            }
        }
    }

    /** A command body that runs on a process group. */
    @FunctionalInterface
    interface Function<T> {
        T apply(ProcessGroup group) throws Exception;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unnamed host";
        }
    }
}
