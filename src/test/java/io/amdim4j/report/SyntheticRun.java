package io.amdim4j.report;

import io.amdim4j.data.DatasetSpec;

import io.amdim4j.loss.LossTerm;
import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.EvalJson;
import io.amdim4j.run.EvalReport;
import io.amdim4j.run.EvalResult;
import io.amdim4j.run.MethodEvaluation;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.Provenance;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunSettings;
import io.amdim4j.run.SeedOutcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A run directory written by the test itself: metrics through {@link MetricsLog}, a config.json
 * through {@link ConfigJson}, an eval.json through {@link EvalJson}, embeddings as raw .npy bytes with an index.csv, and a small CIFAR-10 test split
 * whose images the gallery shows. Every value is chosen here, so tests compare against them.
 */
public final class SyntheticRun {

    public static final int STEPS = 120;
    public static final int EPOCHS = 3;
    public static final int ROWS = 40;
    public static final int DIMENSION = 6;
    public static final int CLASSES_USED = 4;
    /** CIFAR-10 needs ten names; two of them need escaping or quoting. */
    public static final List<String> CLASS_NAMES = List.of("alpha", "beta & co", "gamma, the third", "delta<4>",
            "e5", "f6", "g7", "h8", "i9", "j10");
    public static final int SIDE = 32;

    /** Eval results: method, feature set, protocol, label fraction, mean, std, seed accuracies. */
    public static final double AMDIM_LINEAR_MEAN = 0.8123;
    public static final double AMDIM_LINEAR_STD = 0.0045;
    public static final double PIXELS_KNN_MEAN = 0.7011;
    public static final double PIXELS_KNN_STD = 0.0125;

    public final RunDirectory run;
    public final Path embeddings;
    public final Path cifar;
    public final float[] vectors;
    public final int[] labels;
    public final byte[][] images;

    private SyntheticRun(RunDirectory run, Path embeddings, Path cifar, float[] vectors, int[] labels,
            byte[][] images) {
        this.run = run;
        this.embeddings = embeddings;
        this.cifar = cifar;
        this.vectors = vectors;
        this.labels = labels;
        this.images = images;
    }

    /** Writes the run to {@code dir/run}, the embeddings to {@code dir/emb} and the CIFAR split to {@code dir/cifar}. */
    public static SyntheticRun write(Path dir) throws IOException {
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        Files.createDirectories(run.root());
        writeMetrics(run);
        writeConfig(run);
        writeEval(run);
        SplittableRandom random = new SplittableRandom(7);
        int[] labels = new int[ROWS];
        float[] vectors = new float[ROWS * DIMENSION];
        for (int r = 0; r < ROWS; r++) {
            // labels not in row order, so query choice and gallery lookups are exercised
            labels[r] = (r * 3 + r / 7) % CLASSES_USED;
            for (int c = 0; c < DIMENSION; c++) {
                double centre = c == labels[r] ? 3 : 0;
                vectors[r * DIMENSION + c] = (float) (centre + random.nextGaussian());
            }
        }
        Path emb = dir.resolve("emb");
        writeNpy(emb.resolve("embeddings.npy"), vectors, ROWS, DIMENSION);
        StringBuilder index = new StringBuilder("row,index,label,class_name\n");
        for (int r = 0; r < ROWS; r++) {
            index.append(r).append(',').append(r).append(',').append(labels[r]).append(',')
                    .append(csv(CLASS_NAMES.get(labels[r]))).append('\n');
        }
        Files.writeString(emb.resolve("index.csv"), index.toString());
        Path cifar = dir.resolve("cifar");
        byte[][] images = writeCifar(cifar, labels, random);
        return new SyntheticRun(run, emb, cifar, vectors, labels, images);
    }

    /** The report's defaults for a run directory whose config.json holds {@link Settings}. */
    public static ReportConfig report(Path runDir) {
        return ReportConfig.of(runDir, Settings.class);
    }

    public String datasetSpec() {
        return "cifar10:" + cifar;
    }

    /** The report of this run with its embeddings and its dataset's thumbnails, written to {@code out}. */
    public ReportConfig fullReport(Path out) {
        return report(run.root()).withOut(out).withEmbeddings(embeddings)
                .withDataset(DatasetSpec.parse(datasetSpec()));
    }

    /** The test's own .npy v1.0 encoding: magic, version, header length, padded dict, little-endian floats. */
    static void writeNpy(Path file, float[] values, int rows, int columns) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (float v : values) {
            b.putFloat(v);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void writeMetrics(RunDirectory run) throws IOException {
        try (MetricsLog log = MetricsLog.openAt(run.metrics(), 0)) {
            int perEpoch = STEPS / EPOCHS;
            for (int s = 1; s <= STEPS; s++) {
                int epoch = (s - 1) / perEpoch;
                double wiggle = 0.3 * Math.sin(s);
                log.append(MetricsRecord.step(s, epoch, 30 - s * 0.05 + wiggle, terms(s, wiggle),
                        Math.min(1, s / 130.0), s / 200.0, 2e-4 * Math.min(1, s / 50.0), 300 + 10 * wiggle));
                if (s % perEpoch == 0) {
                    log.append(MetricsRecord.epoch(s, epoch, 0.5 + 0.1 * epoch, 0.4 + 0.1 * epoch, 12.5));
                }
            }
        }
    }

    /** Every declared loss term, each its own falling curve, so every term's figure has data. */
    static Map<String, Double> terms(int s, double wiggle) {
        Map<String, Double> terms = new LinkedHashMap<>();
        for (LossTerm term : LossTerm.values()) {
            terms.put(term.key(), (term.ordinal() + 1) * (1 - s / (2.0 * STEPS)) + 0.1 * wiggle);
        }
        return terms;
    }

    /**
     * A configuration of the test's own, so the report is shown to read config.json through
     * {@link RunSettings} alone, without the training code.
     */
    public record Settings(String dataset, int ndf, int nRkhs, int nDepth, int epochs, int batchSize,
            List<Integer> milestones) implements RunSettings {

        @Override
        public List<Highlight> highlights() {
            return List.of(Highlight.of("dataset", dataset), Highlight.of("ndf", ndf), Highlight.of("n_rkhs", nRkhs),
                    Highlight.of("n_depth", nDepth), Highlight.of("epochs", epochs),
                    Highlight.of("batch size", batchSize), Highlight.of("lr milestones (epochs)", milestones));
        }

        @Override
        public String datasetSpec() {
            return dataset;
        }
    }

    public static final Settings SETTINGS = new Settings("cifar10:/nowhere/cifar", 48, 256, 2, EPOCHS, 64, List.of(2));
    public static final Provenance PROVENANCE = new Provenance("0123456789abcdef0123456789abcdef01234567", "dev",
            "17", "0.36.0", "PyTorch 2.7.1", "Linux", "amd64", 2, "2025-01-01T00:00:00Z");

    private static void writeConfig(RunDirectory run) throws IOException {
        new ConfigJson<>(SETTINGS, PROVENANCE, "sha256:00", List.of()).write(run.config());
    }

    private static void writeEval(RunDirectory run) throws IOException {
        EvalResult linear = new EvalResult("linear", "r1", 1.0, AMDIM_LINEAR_MEAN, AMDIM_LINEAR_STD, List.of(
                new SeedOutcome(1, AMDIM_LINEAR_MEAN - 0.003, Map.of()),
                new SeedOutcome(2, AMDIM_LINEAR_MEAN + 0.003, Map.of())));
        EvalResult knn = new EvalResult("knn-k200", "pixels", 0.01, PIXELS_KNN_MEAN, PIXELS_KNN_STD, List.of(
                new SeedOutcome(1, PIXELS_KNN_MEAN, Map.of())));
        List<MethodEvaluation> methods = List.of(
                new MethodEvaluation(new EvalReport("amdim", "r1", 100, ROWS, 10, List.of(linear), 1), 64, 1),
                new MethodEvaluation(new EvalReport("pixels", "pixels", 100, ROWS, 10, List.of(knn), 1), 3072, 1));
        new EvalJson<>("/runs/s/checkpoints/step-00000120.ckpt", "cifar10:/nowhere/cifar", "train", "test",
                Map.of("seeds", 2), 0L, methods, List.of(), 3, PROVENANCE).write(run.eval());
    }

    /** A CIFAR-10 directory with only test_batch.bin (one record per embedding row) and the class names. */
    private static byte[][] writeCifar(Path dir, int[] labels, SplittableRandom random) throws IOException {
        Files.createDirectories(dir);
        int imageBytes = 3 * SIDE * SIDE;
        byte[] file = new byte[labels.length * (1 + imageBytes)];
        byte[][] images = new byte[labels.length][imageBytes];
        for (int r = 0; r < labels.length; r++) {
            random.nextBytes(images[r]);
            file[r * (1 + imageBytes)] = (byte) labels[r];
            System.arraycopy(images[r], 0, file, r * (1 + imageBytes) + 1, imageBytes);
        }
        Files.write(dir.resolve("test_batch.bin"), file);
        Files.write(dir.resolve("batches.meta.txt"), new ArrayList<>(CLASS_NAMES));
        return images;
    }
}
