package io.amdim4j.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.model.ReferenceWeights;
import io.amdim4j.run.InitSource;
import io.amdim4j.run.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoder weights a new run starts from instead of its random initialisation ({@code pretrain
 * --init-from}): the newest readable checkpoint of another run, one checkpoint file, or a
 * reference-implementation state dict read by {@link ReferenceWeights}. Weights only: the probes,
 * Adam's moments, the update counter and every random stream start afresh, as in a new run.
 *
 * <p>The source is read and checked against the new run's encoder before anything is written, so a
 * mismatch leaves no half-made run directory; the weights wait in a scope of their own until
 * {@link #copyInto} puts them in the run's encoder, batch-norm running statistics included.
 */
public final class WarmStart implements AutoCloseable {

    private final NDManager manager;
    private final Encoder encoder;
    private final InitSource source;

    private WarmStart(NDManager manager, Encoder encoder, InitSource source) {
        this.manager = manager;
        this.encoder = encoder;
        this.source = source;
    }

    /**
     * Reads the weights of {@code from} for an encoder of configuration {@code target}.
     *
     * @param from a run directory, a checkpoint file or an {@code .npz} file
     * @param target the new run's encoder
     * @param parent manager whose sub-manager holds the weights until {@link #close}
     * @param warnings receives a line for each damaged checkpoint of a run that was skipped
     * @return the weights and their provenance
     * @throws IllegalArgumentException naming the source and the mismatch if it does not exist, or its
     *     encoder configuration, entries or shapes differ from {@code target}
     * @throws IOException naming the file if it cannot be read
     */
    public static WarmStart load(Path from, EncoderConfig target, NDManager parent, List<String> warnings)
            throws IOException {
        if (!Files.exists(from)) {
            throw new IllegalArgumentException("--init-from " + from
                    + ": no such run directory, checkpoint or .npz file");
        }
        NDManager manager = parent.newSubManager();
        try {
            return from.getFileName().toString().endsWith(".npz")
                    ? fromNpz(from, target, manager)
                    : fromCheckpoint(from, target, manager, warnings);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static WarmStart fromNpz(Path npz, EncoderConfig target, NDManager manager) throws IOException {
        Encoder encoder = Encoder.builder().setConfig(target).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(1));
        try {
            ReferenceWeights.load(npz, encoder);
        } catch (IllegalArgumentException e) {
            // its messages name the file and the entry; add which option brought the file in
            throw new IllegalArgumentException("--init-from " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("--init-from " + e.getMessage(), e);
        }
        InitSource source = new InitSource(InitSource.NPZ, npz.toAbsolutePath().toString(),
                InitSource.sha256(npz), Map.of());
        return new WarmStart(manager, encoder, source);
    }

    private static WarmStart fromCheckpoint(Path from, EncoderConfig target, NDManager manager,
            List<String> warnings) throws IOException {
        TrainedEncoder trained = TrainedEncoder.load(from, manager, warnings);
        requireSameEncoder(trained.config().encoder(), target, trained.checkpoint());
        Map<String, String> summary = new LinkedHashMap<>();
        for (RunSettings.Highlight h : trained.config().highlights()) {
            summary.put(h.label(), h.value());
        }
        InitSource source = new InitSource(Files.isDirectory(from) ? InitSource.RUN : InitSource.CHECKPOINT,
                trained.checkpoint().toAbsolutePath().toString(), InitSource.sha256(trained.checkpoint()), summary);
        return new WarmStart(manager, trained.encoder(), source);
    }

    /** Every setting that shapes the encoder's parameters; names as in config.json. */
    private static void requireSameEncoder(EncoderConfig source, EncoderConfig target, Path file) {
        List<String> differ = new ArrayList<>();
        compare(differ, "input_size", source.inputSize(), target.inputSize());
        compare(differ, "num_channels", source.numChannels(), target.numChannels());
        compare(differ, "ndf", source.ndf(), target.ndf());
        compare(differ, "n_rkhs", source.nRkhs(), target.nRkhs());
        compare(differ, "n_depth", source.nDepth(), target.nDepth());
        compare(differ, "use_bn", source.useBn(), target.useBn());
        if (!differ.isEmpty()) {
            throw new IllegalArgumentException("--init-from " + file + ": its encoder differs from this run's: "
                    + String.join(", ", differ));
        }
    }

    private static void compare(List<String> differ, String name, Object source, Object target) {
        if (!source.equals(target)) {
            differ.add(name + " " + source + " (this run: " + target + ")");
        }
    }

    /** Where the weights came from, for config.json. */
    public InitSource source() {
        return source;
    }

    /**
     * Copies every parameter, batch-norm running statistics included, into {@code target} bit for bit.
     *
     * @param target an initialised encoder of the configuration given to {@link #load}
     */
    public void copyInto(Encoder target) {
        Map<String, Parameter> mine = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : encoder.getParameters()) {
            mine.put(p.getKey(), p.getValue());
        }
        for (Pair<String, Parameter> p : target.getParameters()) {
            Parameter from = mine.get(p.getKey());
            if (from == null || !from.getArray().getShape().equals(p.getValue().getArray().getShape())) {
                throw new IllegalStateException("warm start of " + source.path() + " has no parameter "
                        + p.getKey() + " of shape " + p.getValue().getArray().getShape());
            }
            p.getValue().getArray().set(from.getArray().toByteBuffer());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
