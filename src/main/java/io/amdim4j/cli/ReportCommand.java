package io.amdim4j.cli;

import io.amdim4j.data.Split;
import io.amdim4j.report.HtmlReport;
import io.amdim4j.report.ReportConfig;
import io.amdim4j.report.ReportFiles;
import io.amdim4j.train.TrainConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code amdim report}: an HTML page with PNG figures about one run directory. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write an HTML report of a run: curves, eval table, PCA map, neighbour gallery.",
        description = {"Write a self-contained HTML report of a run: training curves, the eval.json table and",
                "configuration, a PCA map of embeddings by class and a nearest-neighbour gallery",
                "(OUT/index.html and PNGs). Embeddings come from amdim embed; --dataset (the embedded",
                "images, for thumbnails) defaults to the run's."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory of amdim pretrain.")
    Path runDir;

    @Option(names = "--embeddings", paramLabel = "DIR",
            description = "Output directory of amdim embed (default: RUN_DIR/embeddings if present).")
    Path embeddings;

    @Mixin
    DatasetOption dataset = new DatasetOption();

    @Option(names = "--split", converter = DatasetOption.SplitConverter.class,
            description = "The embedded split (default: ${DEFAULT-VALUE}).")
    Split split = ReportConfig.DEFAULT_SPLIT;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: RUN_DIR/report).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Charts are drawn off-screen; without this AWT may look for a display that a server lacks.
        System.setProperty("java.awt.headless", "true");
        ReportConfig config = ReportConfig.of(runDir, TrainConfig.class).withSplit(split);
        if (out != null) {
            config = config.withOut(out);
        }
        if (embeddings != null) {
            config = config.withEmbeddings(embeddings);
        }
        if (dataset.given().isPresent()) {
            config = config.withDataset(dataset.given().get());
        }
        ReportFiles files = new HtmlReport(config).write();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("report with %d figures: %s%n", files.figures().size(), files.html().toAbsolutePath());
        stdout.flush();
        return 0;
    }
}
