package io.amdim4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amdim4j.loss.LossTerm;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunJson;
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
 * A run directory written by the test itself: metrics through {@link MetricsLog}, a config.json,
 * an eval.json, embeddings as raw .npy bytes with an index.csv, and a small CIFAR-10 test split
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

    public String datasetSpec() {
        return "cifar10:" + cifar;
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

    private static void writeConfig(RunDirectory run) throws IOException {
        ObjectNode root = RunJson.mapper().createObjectNode();
        ObjectNode config = root.putObject("config");
        ObjectNode data = config.putObject("data");
        data.put("dataset", "cifar10:/nowhere/cifar");
        data.put("train_split", "train");
        data.put("test_split", "test");
        data.put("seed", 11);
        ObjectNode encoder = config.putObject("encoder");
        encoder.put("ndf", 48);
        encoder.put("n_rkhs", 256);
        encoder.put("n_depth", 2);
        config.put("epochs", EPOCHS);
        config.put("batch_size", 64);
        ArrayNode milestones = config.putObject("optim").putArray("milestones");
        milestones.add(2);
        ObjectNode provenance = root.putObject("provenance");
        provenance.put("git_commit", "0123456789abcdef0123456789abcdef01234567");
        provenance.put("djl_version", "0.36.0");
        provenance.put("engine", "PyTorch 2.7.1");
        Files.write(run.config(), RunJson.mapper().writeValueAsBytes(root));
    }

    private static void writeEval(RunDirectory run) throws IOException {
        ObjectNode root = RunJson.mapper().createObjectNode();
        ArrayNode reports = root.putArray("reports");
        ObjectNode amdim = reports.addObject();
        amdim.put("method", "amdim");
        amdim.put("feature_set", "r1");
        ObjectNode linear = amdim.putArray("results").addObject();
        linear.put("protocol", "linear");
        linear.put("label_fraction", 1.0);
        linear.put("mean", AMDIM_LINEAR_MEAN);
        linear.put("std", AMDIM_LINEAR_STD);
        ArrayNode seeds = linear.putArray("seeds");
        seeds.addObject().put("seed", 1).put("accuracy", AMDIM_LINEAR_MEAN - 0.003);
        seeds.addObject().put("seed", 2).put("accuracy", AMDIM_LINEAR_MEAN + 0.003);
        ObjectNode pixels = reports.addObject();
        pixels.put("method", "pixels");
        ObjectNode knn = pixels.putArray("results").addObject();
        knn.put("protocol", "knn-k200");
        knn.put("label_fraction", 0.01);
        knn.put("mean", PIXELS_KNN_MEAN);
        knn.put("std", PIXELS_KNN_STD);
        Files.write(run.eval(), RunJson.mapper().writeValueAsBytes(root));
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
