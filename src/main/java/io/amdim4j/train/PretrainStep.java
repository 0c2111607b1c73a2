package io.amdim4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.amdim4j.loss.ClippedCrossEntropyLoss;
import io.amdim4j.loss.MixtureNceLoss;
import io.amdim4j.loss.MultiscaleNceLoss;
import io.amdim4j.loss.LossTerm;
import io.amdim4j.loss.Losses;
import io.amdim4j.model.Encoder;
import io.amdim4j.runtime.EngineSeed;
import io.amdim4j.model.MixtureHead;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.runtime.DeviceInput;
import io.amdim4j.pipeline.HostBatch;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One AMDIM update (spec §3.3, §6.1, §7): both views through the encoder separately (so each
 * batch norm sees one view), the multiscale NCE loss, the online probes on the detached r1 of both
 * views, one backward pass, and one Adam step. Every array lives in a per-step sub-manager.
 *
 * <p>With bf16 ({@link PrecisionConfig}) only the two encoder passes run under autocast, in one scope
 * inside the gradient collector that casts each weight once for both views; their outputs come back in
 * float32, so the NCE, the probes, the gradients and Adam stay float32.
 */
public final class PretrainStep implements PretrainLoop.StepRunner {

    private final PretrainModel model;
    private final CoupledL2Adam optimizer;
    private final MultiscaleNceLoss nce;
    private final MixtureNceLoss mixture;
    private final ParameterStore parameterStore;
    private final PrecisionConfig precision;
    private final ReplicaSync replicas;
    private final boolean castWeightsOnce;

    /**
     * System property that, when {@code false}, makes bf16 cast every weight in each view's pass (twice per
     * update, the behaviour before issue 25) rather than once per update; to compare the two.
     */
    public static final String CAST_ONCE_PROPERTY = "amdim.castWeightsOnce";

    public PretrainStep(TrainConfig config, PretrainModel model, CoupledL2Adam optimizer) {
        this(config, model, optimizer, ReplicaSync.NONE);
    }

    /**
     * A step of one replica in data-parallel training.
     *
     * @param replicas averages the losses and the gradients over the replicas
     */
    public PretrainStep(TrainConfig config, PretrainModel model, CoupledL2Adam optimizer, ReplicaSync replicas) {
        this.replicas = replicas;
        this.model = model;
        this.optimizer = optimizer;
        this.nce = new MultiscaleNceLoss(config.nce());
        this.mixture = config.mixture().enabled() ? new MixtureNceLoss(config.nce(), config.mixture()) : null;
        this.parameterStore = new ParameterStore(model.manager(), false);
        this.precision = config.precision();
        this.castWeightsOnce = castWeightsOnce();
    }

    /**
     * Whether bf16 updates cast each weight once for both views ({@value #CAST_ONCE_PROPERTY}, on unless
     * {@code false}).
     *
     * @return the setting of this process
     */
    public static boolean castWeightsOnce() {
        return !"false".equalsIgnoreCase(System.getProperty(CAST_ONCE_PROPERTY, "").trim());
    }

    /**
     * Runs one update.
     *
     * @param batch two views of N images
     * @param lr learning rate of this update
     * @param locations source of the 5×5 location draws (§3.1)
     * @param dropoutSeed seed of the engine generator for the probe's dropout in this update
     * @return the measured losses (averaged over the replicas); the weights are not changed if any loss is not finite
     */
    @Override
    public StepResult run(HostBatch batch, double lr, RandomGenerator locations, long dropoutSeed) {
        StepResult result;
        try (NDManager step = model.manager().newSubManager()) {
            result = forwardBackward(batch, locations, dropoutSeed, step);
        }
        if (result.isFinite()) {
            replicas.averageGradients();
            optimizer.update(lr);
        }
        return result;
    }

    /**
     * The update up to its gradients: inputs, both forward passes, the losses and, when they are
     * finite, the backward pass. Every array it creates is owned by {@code step}, where a test can
     * find them all before the step closes.
     *
     * @param step a sub-manager of the model's manager, on the model's device
     * @return the measured losses; no gradient is computed if any is not finite
     */
    StepResult forwardBackward(HostBatch batch, RandomGenerator locations, long dropoutSeed, NDManager step) {
        NDArray x1 = DeviceInput.view(batch, 0, step, precision.memoryFormat());
        NDArray x2 = DeviceInput.view(batch, 1, step, precision.memoryFormat());
        NDArray y = DeviceInput.labelsOfBothViews(batch, step);
        EngineSeed.apply(dropoutSeed);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            List<NDList> views = precision.forwardEach(model.encoder(), parameterStore, List.of(x1, x2), true,
                    castWeightsOnce);
            NDList view1 = views.get(0);
            NDList view2 = views.get(1);
            Losses selfSupervised = selfSupervised(view1, view2, locations);
            // The probes read r1 detached: ℒ_cls reaches no encoder parameter (§3.3, §6.1).
            NDArray r1 = NDArrays.concat(new NDList(
                    view1.get(Encoder.R1).stopGradient(), view2.get(Encoder.R1).stopGradient()));
            NDArray zMlp = model.mlpProbe().forward(parameterStore, new NDList(r1), true).singletonOrThrow();
            NDArray zLin = model.linearProbe().forward(parameterStore, new NDList(r1), true).singletonOrThrow();
            NDArray probeLoss = ClippedCrossEntropyLoss.clippedCrossEntropy(zMlp, y)
                    .add(ClippedCrossEntropyLoss.clippedCrossEntropy(zLin, y));
            Losses losses = selfSupervised.with(LossTerm.PROBE_LOSS, probeLoss);
            // averaged before the finiteness check, so every replica takes the same branch
            StepResult result = replicas.average(new StepResult(losses.read(),
                    ClippedCrossEntropyLoss.accuracy(zMlp, y).fraction(),
                    ClippedCrossEntropyLoss.accuracy(zLin, y).fraction()));
            if (result.isFinite()) {
                collector.backward(losses.total());
            }
            return result;
        }
    }

    private Losses selfSupervised(NDList view1, NDList view2, RandomGenerator locations) {
        if (mixture == null) {
            return nce.compute(view1, view2, locations);
        }
        MixtureHead head = model.mixtureHead().orElseThrow();
        NDArray m1 = head.forward(parameterStore, new NDList(view1.get(Encoder.R1)), true).singletonOrThrow();
        NDArray m2 = head.forward(parameterStore, new NDList(view2.get(Encoder.R1)), true).singletonOrThrow();
        return mixture.compute(view1, view2, m1, m2, locations);
    }
}
