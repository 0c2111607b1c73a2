package io.amdim4j.cli;

import io.amdim4j.serve.ApiServer;
import io.amdim4j.serve.ServedIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amdim serve}: a local web page and JSON API over a vector index and the images it was made from. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a vector index (amdim index) as a web page and a JSON API: the images as a paged grid"
                + " with labels, each image's nearest neighbours, near-duplicate pairs, and (with --model) search by"
                + " an uploaded image. Listens on 127.0.0.1 unless --host says otherwise; Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer>, EngineCommand {

    @Mixin
    ServedIndexOptions served = new ServedIndexOptions();

    @Option(names = "--model", paramLabel = "DIR",
            description = "Exported encoder (amdim export) that made the index; enables search by uploaded image.")
    Path model;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Mixin
    NeighbourOptions neighbours;

    @Option(names = "--max-upload-mb", description = "Largest uploaded image, in MB (default: ${DEFAULT-VALUE}).")
    int maxUploadMb = 10;

    @Option(names = "--threads", description = "Request threads (default: ${DEFAULT-VALUE}).")
    int threads = 8;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ApiServer.Settings settings = new ApiServer.Settings(host, port, threads, (long) maxUploadMb << 20, neighbours.k);
        ServedIndex index = served.open(spec, model, neighbours.candidates);
        ApiServer server;
        try {
            server = ApiServer.start(index, settings);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!isLoopback(host)) {
            err.println(exposedWarning(host, server.uri().getPort()));
            err.flush();
        }
        out.printf("serving %d images of %s (%s) at %s%s%n", index.rows(), served.index, index.dataset(), server.uri(),
                model == null ? "" : ", search by image with " + model);
        out.println("Ctrl-C stops the server");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            server.close();
            try {
                index.close();
            } catch (IOException e) {
                err.println("amdim serve: closing " + served.index + ": " + e.getMessage());
            }
            out.println("stopped");
            out.flush();
            stopped.countDown();
        }, "amdim-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        stopped.await();
        return 0;
    }

    /** The line printed when the server listens beyond this machine. */
    static String exposedWarning(String host, int port) {
        return "amdim serve: warning: --host " + host + " is not a loopback address: anyone who can reach this machine"
                + " on port " + port + " can browse these images (there is no authentication)";
    }

    /** Whether {@code host} names only this machine; 0.0.0.0 and :: (every interface) do not. */
    static boolean isLoopback(String host) throws IOException {
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }
}
