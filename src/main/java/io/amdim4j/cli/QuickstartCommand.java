package io.amdim4j.cli;

import io.amdim4j.data.IdxDataset;
import io.amdim4j.eval.EvalConfig;
import io.amdim4j.run.EvalJson;
import io.amdim4j.run.EvalReport;
import io.amdim4j.run.EvalResult;
import io.amdim4j.run.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code amdim quickstart}: the README's main job. A short AMDIM pre-training on Fashion-MNIST,
 * then linear probes on frozen r1 features beside the two baselines, with all labels of a
 * 10,000-image training subset and with 1% of the labels. It is exactly {@code amdim pretrain}
 * followed by {@code amdim eval}; it prints both commands so a user can rerun or vary them.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Pre-train AMDIM on Fashion-MNIST for a few minutes, then evaluate it beside baselines.")
final class QuickstartCommand implements Callable<Integer>, EngineCommand {

    /** Probes are fitted on 10,000 of Fashion-MNIST's 60,000 training images, class-balanced. */
    static final int PROBE_IMAGES = 10_000;

    /** All labels of that subset. */
    static final String ALL_LABELS = "1.0";

    /** 600 of the 10,000, i.e. 1% of Fashion-MNIST's labels. */
    static final String FEW_LABELS = "0.06";

    @Option(names = "--steps", description = "Also stop pre-training after this many updates (default: the time budget only).")
    long steps;

    @Option(names = "--train-images", description = "Class-balanced training images the probes are fitted on "
            + "(default: ${DEFAULT-VALUE}).")
    int trainImages = PROBE_IMAGES;

    @Option(names = "--minutes", description = "Pre-training time budget (default: ${DEFAULT-VALUE}).")
    double minutes = 6;

    @Option(names = "--ndf", description = "Base width (default: ${DEFAULT-VALUE}).")
    int ndf = 32;

    @Option(names = "--n-rkhs", description = "Embedding width (default: ${DEFAULT-VALUE}).")
    int nRkhs = 256;

    @Option(names = "--n-depth", description = "Units per residual block (default: ${DEFAULT-VALUE}).")
    int nDepth = 3;

    @Option(names = "--batch-size", description = "Images per update (default: ${DEFAULT-VALUE}).")
    int batchSize = 64;

    /**
     * The spec's 2e-4 with 500 warm-up updates is tuned for 300-epoch runs; a run of about a thousand
     * updates learns much more with 1e-3 after 100: 86.4% against 83.7% (r1+r5avg+r7avg, 10,000
     * labels, one 6-minute run each, see the issue note).
     */
    @Option(names = "--lr", description = "Learning rate (default: ${DEFAULT-VALUE}; spec: 2e-4 for full runs).")
    double lr = 1e-3;

    @Option(names = "--warmup", description = "Warm-up updates (default: ${DEFAULT-VALUE}; spec: 500).")
    int warmup = 100;

    /**
     * r1 with the spatially averaged r5 and r7: after a few minutes of training these gave 83.7–83.8%
     * against r1's 80.4–81.0% (10,000 labels; see the issue note), so the short run shows more.
     */
    @Option(names = "--features", description = "Frozen features the probes read (default: ${DEFAULT-VALUE}).")
    String features = "r1+r5avg+r7avg";

    @Option(names = "--seeds", description = "Probe seeds (default: ${DEFAULT-VALUE}).")
    int seeds = 3;

    @Option(names = "--seed", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--data", description = "Fashion-MNIST IDX directory (default: ${DEFAULT-VALUE}).")
    Path data = IdxDataset.FASHION_MNIST_DEFAULT_DIR;

    @Option(names = "--run-dir", converter = RunDirConverter.class,
            description = "Run directory (default: runs/quickstart-<timestamp>).")
    Path runDir;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException(data + " does not exist: install Fashion-MNIST with "
                    + "'apt-get install -y dataset-fashion-mnist' (./amdim quickstart does this) or pass --data DIR");
        }
        Path dir = runDir != null ? runDir
                : Path.of("runs", "quickstart-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        long start = System.nanoTime();
        List<String> pretrain = new ArrayList<>(List.of("pretrain", "--dataset", "fashion-mnist:" + data,
                "--ndf", String.valueOf(ndf), "--n-rkhs", String.valueOf(nRkhs), "--n-depth", String.valueOf(nDepth),
                "--batch-size", String.valueOf(batchSize), "--lr", String.valueOf(lr), "--warmup", String.valueOf(warmup),
                "--epochs", "10", "--minutes", String.valueOf(minutes),
                "--seed", String.valueOf(seed), "--no-test", "--run-dir", dir.toString()));
        if (steps > 0) {
            pretrain.addAll(List.of("--steps", String.valueOf(steps)));
        }
        if (!progress.shown()) {
            pretrain.add("--no-progress");
        }
        List<String> eval = List.of("eval", "--run-dir", dir.toString(), "--protocol", "linear",
                "--features", features, "--train-images", String.valueOf(trainImages),
                "--label-fraction", ALL_LABELS + "," + FEW_LABELS, "--seeds", String.valueOf(seeds),
                "--bn-batches", "20", "--batch", "250");
        CommandLine root = spec.root().commandLine();
        for (List<String> step : List.of(pretrain, eval)) {
            out.println("$ amdim " + String.join(" ", step));
            out.flush();
            int code = root.execute(step.toArray(String[]::new));
            if (code != 0) {
                return code;
            }
        }
        List<EvalReport> reports = EvalJson.read(new RunDirectory(dir).eval(), EvalConfig.class).reports();
        out.println();
        out.print(table(String.format(Locale.ROOT, "Linear probe on frozen features, fitted on %,d labelled training "
                + "images (test accuracy, %,d images)", trainImages, reports.get(0).testCount()), reports,
                Double.parseDouble(ALL_LABELS)));
        out.println();
        double few = Double.parseDouble(FEW_LABELS);
        // 6% of the default 10,000 is 1% of Fashion-MNIST's 60,000 labels
        String share = trainImages == PROBE_IMAGES ? "1% of the labels" : "6% of those labels";
        out.print(table(String.format(Locale.ROOT, "Linear probe fitted on %s (%,d images)", share,
                Math.round(few * trainImages)), reports, few));
        out.println();
        out.printf(Locale.ROOT, "quickstart took %.1f minutes; run directory: %s%n", (System.nanoTime() - start) / 60e9,
                dir.toAbsolutePath());
        out.flush();
        return 0;
    }

    static String table(String title, List<EvalReport> reports, double fraction) {
        StringBuilder s = new StringBuilder(title).append('\n');
        s.append(String.format(Locale.ROOT, "  %-28s %-16s %s%n", "method", "features", "accuracy (%)"));
        for (EvalReport report : reports) {
            for (EvalResult r : report.results()) {
                if (Math.abs(r.labelFraction() - fraction) < 1e-9) {
                    s.append(String.format(Locale.ROOT, "  %-28s %-16s %.2f ± %.2f (%d seeds)%n", describe(report.method()),
                            r.featureSet(), 100 * r.mean(), 100 * r.std(), r.seeds().size()));
                }
            }
        }
        return s.toString();
    }

    private static String describe(String method) {
        return switch (method) {
            case "amdim" -> "AMDIM encoder (pre-trained)";
            case "random-init" -> "same encoder, random init";
            case "pixels" -> "raw pixels";
            default -> method;
        };
    }
}
