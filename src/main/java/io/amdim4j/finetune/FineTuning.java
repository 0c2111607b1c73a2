package io.amdim4j.finetune;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.Subset;
import io.amdim4j.eval.EncoderEvaluation;
import io.amdim4j.eval.EvalConfig;
import io.amdim4j.eval.EvalImages;
import io.amdim4j.eval.FeatureSet;
import io.amdim4j.eval.LabelFraction;
import io.amdim4j.run.MethodEvaluation;
import io.amdim4j.loss.ClippedCrossEntropyLoss;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderClassifier;
import io.amdim4j.runtime.EngineSeed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The fine-tuning experiment of {@code amdim finetune}: the pre-trained encoder with a fresh head
 * trained on a share of the labels, beside the same network trained from random initialisation on
 * the same images, and the frozen linear and MLP probes of the same encoder on the same share
 * (spec §6.3's protocol, one seed), all scored once on the test split.
 */
public final class FineTuning {

    /** Name of the arm that starts from the pre-trained encoder. */
    public static final String PRETRAINED = "amdim, fine-tuned";
    /** Name of the arm that starts from a random encoder. */
    public static final String RANDOM_INIT = "random init, trained";

    /**
     * One trained network.
     *
     * @param name {@link #PRETRAINED} or {@link #RANDOM_INIT}
     * @param training its epochs and best epoch
     * @param testAccuracy top-1 accuracy on the test split with the best epoch's parameters
     */
    public record Arm(String name, ClassifierTraining.Outcome training, double testAccuracy) {}

    /**
     * Everything measured.
     *
     * @param fitImages labelled images trained on
     * @param validationImages labelled images held out for early stopping
     * @param testImages images scored
     * @param arms the fine-tuned network first, then the random-init one if baselines were asked for
     * @param frozenProbes test accuracy of the frozen encoder's probes by protocol ("linear", "mlp"),
     *     empty without baselines
     */
    public record Result(int fitImages, int validationImages, int testImages, List<Arm> arms,
            Map<String, Double> frozenProbes) {
        /**
         * Copies the collections so the result stays immutable.
         *
         * @param fitImages labelled images trained on
         * @param validationImages labelled images held out
         * @param testImages images scored
         * @param arms the trained networks
         * @param frozenProbes accuracy by protocol
         */
        public Result {
            arms = List.copyOf(arms);
            frozenProbes = Map.copyOf(frozenProbes);
        }
    }

    private final FinetuneConfig config;
    private final NDManager manager;
    private final Consumer<String> log;

    /**
     * Prepares the experiment; nothing is read or trained until {@link #run}.
     *
     * @param config the label share, head, optimiser and seed
     * @param manager where the networks' arrays live; the caller closes it after using the outcome
     * @param log receives one line per epoch and arm, e.g. {@code System.out::println}
     */
    public FineTuning(FinetuneConfig config, NDManager manager, Consumer<String> log) {
        this.config = config;
        this.manager = manager;
        this.log = log;
    }

    /**
     * Runs the experiment. Afterwards {@code classifier} returns the fine-tuned network (its encoder
     * is {@code pretrained}, changed in place).
     *
     * @param pretrained the pre-trained encoder; fine-tuning changes its parameters
     * @param augment the run's augmentation family: training views for fitting, test transform for scoring
     * @param train labelled training images (the label share and validation split are drawn from them)
     * @param test test images
     * @param baselines whether to add the random-init network and the frozen probes
     * @return the measurements and the fine-tuned classifier
     * @throws IllegalArgumentException if the images do not fit the encoder or the label share leaves
     *     too few images for training and validation
     */
    public Outcome run(Encoder pretrained, AugmentConfig augment, ImageDataset train, ImageDataset test,
            boolean baselines) {
        new EvalImages(train, test, augment, config.batchSize(), config.loaderThreads()).checkFits(pretrained.getConfig());
        int[] labels = IntStream.range(0, train.size()).map(train::label).toArray();
        int[] chosen = new LabelFraction(config.labelFraction()).sample(labels, config.seed());
        Subset.Partition split = Subset.holdOut(new Subset(train, chosen, train.describe() + " label fraction "
                + config.labelFraction()), config.validationFraction(), config.seed());
        if (split.heldOut().size() == 0 || split.rest().size() < 2) {
            throw new IllegalArgumentException(train.describe() + ": label fraction " + config.labelFraction()
                    + " gives " + chosen.length + " images, too few for a validation split and training");
        }
        Map<String, Double> probes = new LinkedHashMap<>();
        if (baselines) {
            probes.putAll(frozenProbes(pretrained, augment, train, test));
        }
        List<Arm> arms = new ArrayList<>();
        EncoderClassifier tuned = classifier(pretrained, train.classNames().size());
        arms.add(train(PRETRAINED, tuned, split, test, augment));
        if (baselines) {
            try (NDManager scope = manager.newSubManager()) {
                Encoder random = EncoderEvaluation.randomInit(pretrained.getConfig(), config.seed(), scope);
                arms.add(train(RANDOM_INIT, classifier(random, train.classNames().size()), split, test, augment));
            }
        }
        return new Outcome(new Result(split.rest().size(), split.heldOut().size(), test.size(), arms, probes), tuned);
    }

    /**
     * The result and the fine-tuned network.
     *
     * @param result the measurements
     * @param classifier the fine-tuned classifier, holding its best epoch's parameters
     */
    public record Outcome(Result result, EncoderClassifier classifier) {}

    private Arm train(String name, EncoderClassifier net, Subset.Partition split, ImageDataset test,
            AugmentConfig augment) {
        log.accept(name + ": training on " + split.rest().size() + " labelled images, validating on "
                + split.heldOut().size());
        ClassifierTraining.Outcome outcome = ClassifierTraining.fit(net, split.rest(), split.heldOut(), augment,
                config, manager, line -> log.accept(name + ": " + line));
        double accuracy = ClassifierAccuracy.of(net, test, augment, config.batchSize(), config.loaderThreads(),
                manager);
        log.accept(String.format("%s: test accuracy %.2f %% (epoch %d)", name, 100 * accuracy,
                outcome.bestEpoch() + 1));
        return new Arm(name, outcome, accuracy);
    }

    /** A fresh head on {@code encoder}, initialised from the engine seeded with the config's seed. */
    private EncoderClassifier classifier(Encoder encoder, int classes) {
        EncoderClassifier net = EncoderClassifier.builder().setEncoder(encoder).optHead(config.head())
                .setNumClasses(classes).build();
        EngineSeed.apply(config.seed());
        net.initialize(manager, DataType.FLOAT32, encoder.inputShape(config.batchSize()));
        return net;
    }

    /**
     * Linear and MLP probes on the frozen encoder's r1 with the same label share (one probe seed);
     * the encoder's parameters are put back afterwards, since the evaluation re-estimates its
     * batch-norm statistics.
     */
    private Map<String, Double> frozenProbes(Encoder encoder, AugmentConfig augment, ImageDataset train,
            ImageDataset test) {
        ParameterSnapshot before = ParameterSnapshot.of(encoder);
        EvalConfig eval = EvalConfig.defaults()
                .withProtocols(List.of(EvalConfig.Protocol.LINEAR, EvalConfig.Protocol.MLP))
                .withFeatureSet(FeatureSet.GLOBAL).withSeeds(1, config.seed())
                .withLabelFractions(List.of(new LabelFraction(config.labelFraction())));
        MethodEvaluation frozen = new EncoderEvaluation(eval, new ClippedCrossEntropyLoss()::evaluate, manager,
                line -> log.accept("frozen probes: " + line))
                .evaluate(encoder, new EvalImages(train, test, augment, config.batchSize(), config.loaderThreads()),
                        false, done -> { })
                .get(0);
        before.restore(encoder);
        Map<String, Double> out = new LinkedHashMap<>();
        for (EvalConfig.Protocol p : eval.protocols()) {
            frozen.report().result(p.cliName(), config.labelFraction())
                    .ifPresent(r -> out.put(p.cliName(), r.mean()));
        }
        return out;
    }
}
