package io.amdim4j.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.amdim4j.model.Encoder;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.runtime.DeviceInput;
import io.amdim4j.pipeline.HostBatch;
import java.util.Iterator;
import java.util.Objects;

/**
 * Features of a frozen encoder (spec §6.3, "standard linear evaluation"): the encoder runs in
 * inference mode (BN uses its running statistics) with no gradient, so no parameter or running
 * statistic changes. Optionally the BN running statistics are first re-estimated on training
 * images ({@link #withReestimation}, spec §6.2), the only step that changes the encoder.
 *
 * <p>Runs on the calling thread; each batch gets its own sub-manager, and only host floats leave
 * it.
 */
public final class FeatureExtractor implements FeatureSource {

    private final String name;
    private final Encoder encoder;
    private final FeatureSet featureSet;
    private final NDManager manager;
    private final PrecisionConfig precision;
    /** Null when BN statistics are used as they are. */
    private final BatchNormReestimator reestimator;

    /**
     * An extractor that uses the encoder's BN statistics as they are.
     *
     * @param name method name for reports
     * @param encoder an initialised encoder
     * @param featureSet outputs to read
     * @param manager parent of the per-batch managers
     */
    FeatureExtractor(String name, Encoder encoder, FeatureSet featureSet, NDManager manager) {
        this(name, encoder, featureSet, manager, PrecisionConfig.fp32(), null);
    }

    private FeatureExtractor(String name, Encoder encoder, FeatureSet featureSet, NDManager manager,
            PrecisionConfig precision, BatchNormReestimator reestimator) {
        this.name = Objects.requireNonNull(name, "name");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.featureSet = Objects.requireNonNull(featureSet, "featureSet");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.precision = Objects.requireNonNull(precision, "precision");
        this.reestimator = reestimator;
    }

    /**
     * A copy whose {@link #prepare} re-estimates the encoder's BN statistics (spec §6.2).
     *
     * @param batchNorm the re-estimation procedure
     * @return the new extractor
     */
    FeatureExtractor withReestimation(BatchNormReestimator batchNorm) {
        return new FeatureExtractor(name, encoder, featureSet, manager, precision,
                Objects.requireNonNull(batchNorm, "reestimator"));
    }

    /**
     * A copy whose encoder passes compute in the given precision and input layout (features
     * come out in float32 either way).
     *
     * @param choice arithmetic and input layout
     * @return the new extractor
     */
    FeatureExtractor withPrecision(PrecisionConfig choice) {
        return new FeatureExtractor(name, encoder, featureSet, manager, choice, reestimator);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String featureSetName() {
        return featureSet.name();
    }

    /**
     * The feature set read from the encoder.
     *
     * @return the feature set
     */
    FeatureSet featureSet() {
        return featureSet;
    }

    /** Re-estimates BN statistics on the training batches when configured; otherwise nothing. */
    @Override
    public void prepare(Iterator<HostBatch> trainingBatches) {
        if (reestimator != null) {
            reestimator.reestimate(encoder, manager, trainingBatches);
        }
    }

    @Override
    public Features extract(Iterator<HostBatch> batches) {
        ParameterStore store = new ParameterStore(manager, false);
        int dimension = featureSet.dimension(encoder.getConfig().nRkhs());
        FeatureBuffer buffer = new FeatureBuffer(dimension);
        while (batches.hasNext()) {
            HostBatch batch = batches.next();
            try (NDManager step = manager.newSubManager()) {
                NDList outputs = precision.forward(encoder, store, firstView(batch, step, precision), false);
                buffer.add(featureSet.select(outputs).toFloatArray(), batch.labels());
            }
        }
        return buffer.toFeatures();
    }

    /**
     * View 0 of a batch as one contiguous N×C×H×W engine array.
     *
     * @param batch host batch
     * @param manager owner of the array
     * @return the array
     */
    public static NDArray firstView(HostBatch batch, NDManager manager) {
        return firstView(batch, manager, PrecisionConfig.fp32());
    }

    /**
     * View 0 of a batch as one N×C×H×W engine array in the given layout.
     *
     * @param batch host batch
     * @param manager owner of the array
     * @param precision supplies the memory layout
     * @return the array
     */
    static NDArray firstView(HostBatch batch, NDManager manager, PrecisionConfig precision) {
        return DeviceInput.view(batch, 0, manager, precision.memoryFormat());
    }
}
