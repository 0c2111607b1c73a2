package io.amdim4j.train;

import io.amdim4j.data.DatasetFormat;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.model.EncoderSummary;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The paper's and the reference implementation's pre-training configurations ({@code pretrain
 * --preset NAME}), in one immutable table. Each sets every hyper-parameter a command line can set;
 * the rest (Adam's betas, ε, coupled L2, the ×0.2 decay) are the §7 constants of every run, and the
 * milestones follow from the epochs and input size ({@link OptimConfig#forEpochs(int, int)}).
 *
 * <p>Shared by all: batch 480 (the authors' recommendation, spec §7), lr 2e-4, 500 warm-up updates,
 * tclip 20 and score regulariser 0.05 (the reference's values, §9 #1-2), no trunk BN, RGB input and
 * no mixtures (§4 is not part of any reported result). "Large" CIFAR is Table 2(b), (256, 2048, 10),
 * and the ImageNet sizes are the reference's (§2.1); "small" CIFAR is the reference's default encoder
 * (128, 1024, 3). The spec names no STL-10 widths: the STL-10 presets are the CIFAR small and large
 * widths at 64 px (they meet R ≥ 8F there). Lengths: 300 epochs with milestones [250, 280] at 32 and
 * 64 px, 50 with [30, 45] at 128 px (§7).
 */
public enum Preset {

    CIFAR10_SMALL("cifar10-small", DatasetFormat.CIFAR10, EncoderConfig.defaults(EncoderConfig.CIFAR_SIZE),
            "not reported", "spec §2.1: the reference implementation's default encoder"),
    CIFAR10_LARGE("cifar10-large", DatasetFormat.CIFAR10, EncoderConfig.cifarLarge(),
            "91.2 % linear; 93.1 % MLP",
            "spec §8: linear confirmed, cited by later work; MLP second-hand"),
    CIFAR100_SMALL("cifar100-small", DatasetFormat.CIFAR100, EncoderConfig.defaults(EncoderConfig.CIFAR_SIZE),
            "not reported", "spec §2.1: the reference implementation's default encoder"),
    CIFAR100_LARGE("cifar100-large", DatasetFormat.CIFAR100, EncoderConfig.cifarLarge(),
            "70.2 % linear", "spec §8: second-hand"),
    STL10_SMALL("stl10-small", DatasetFormat.STL10, EncoderConfig.defaults(EncoderConfig.STL_SIZE),
            "not reported", "spec §2.1 names no STL-10 model: CIFAR small widths at 64 px"),
    STL10_LARGE("stl10-large", DatasetFormat.STL10, atSize(EncoderConfig.cifarLarge(), EncoderConfig.STL_SIZE),
            "93.8 %", "spec §8: second-hand; model and probe type not stated"),
    IMAGENET128_SMALL("imagenet128-small", null, EncoderConfig.imagenetSmall(),
            "63.5 % linear; online probes a bit over 62 %",
            "spec §8: linear second-hand; online confirmed by the authors' README (50 epochs, batch 480)"),
    IMAGENET128_MEDIUM("imagenet128-medium", null, EncoderConfig.imagenetMedium(),
            "67 %+", "spec §8: released checkpoint, confirmed"),
    IMAGENET128_LARGE("imagenet128-large", null, EncoderConfig.imagenetLarge(),
            "68.1 % linear", "spec §8: with Fast AutoAugment policies, confirmed");

    /** The authors' recommended batch (spec §7). */
    public static final int BATCH_SIZE = 480;

    /** Epochs at 32 and 64 px (spec §7). */
    public static final int EPOCHS = 300;

    /** Epochs at 128 px (spec §7). */
    public static final int IMAGENET_EPOCHS = 50;

    private final String cliName;
    private final DatasetFormat format;
    private final EncoderConfig encoder;
    private final String reported;
    private final String source;

    Preset(String cliName, DatasetFormat format, EncoderConfig encoder, String reported, String source) {
        this.cliName = cliName;
        this.format = format;
        this.encoder = encoder;
        this.reported = reported;
        this.source = source;
    }

    private static EncoderConfig atSize(EncoderConfig config, int inputSize) {
        return new EncoderConfig(inputSize, config.numChannels(), config.ndf(), config.nRkhs(), config.nDepth(),
                config.useBn());
    }

    /** The name given to {@code --preset}, e.g. {@code cifar10-large}. */
    public String cliName() {
        return cliName;
    }

    /** The encoder (spec §2.1). */
    public EncoderConfig encoder() {
        return encoder;
    }

    /** Epochs of the run (spec §7). */
    public int epochs() {
        return encoder.inputSize() == EncoderConfig.IMAGENET_SIZE ? IMAGENET_EPOCHS : EPOCHS;
    }

    /** The §7 optimiser and schedule of {@link #epochs()} at the encoder's input size. */
    public OptimConfig optim() {
        return OptimConfig.forEpochs(epochs(), encoder.inputSize());
    }

    /** The loss's clip bound and score-regulariser weight (spec §3, §9 #1-2). */
    public NceConfig nce() {
        return NceConfig.defaults();
    }

    /** The named data set format this configuration was published for; empty for ImageNet (folders, archives). */
    public Optional<DatasetFormat> format() {
        return Optional.ofNullable(format);
    }

    /** The paper's reported accuracy, e.g. "91.2 % linear", or "not reported". */
    public String reported() {
        return reported;
    }

    /** Where {@link #reported()} comes from and how sure it is. */
    public String source() {
        return source;
    }

    /** Parameters of the encoder (spec §2.5 counting), from its layer table. */
    public long encoderParameters() {
        return EncoderSummary.of(encoder).encoderParameters();
    }

    /**
     * Every value the preset sets, keyed by the setting's name as its command-line option spells it
     * without the dashes ({@code n-rkhs} for {@code --n-rkhs}), in the order a person reads them.
     */
    public Map<String, Object> settings() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("input-size", encoder.inputSize());
        v.put("channels", encoder.numChannels());
        v.put("ndf", encoder.ndf());
        v.put("n-rkhs", encoder.nRkhs());
        v.put("n-depth", encoder.nDepth());
        v.put("use-bn", encoder.useBn());
        v.put("tclip", nce().tclip());
        v.put("score-reg", nce().scoreRegWeight());
        v.put("mixtures", 0);
        v.put("epochs", epochs());
        v.put("batch-size", BATCH_SIZE);
        v.put("lr", optim().lr());
        v.put("warmup", optim().warmupUpdates());
        return v;
    }

    /**
     * Refuses a data set of another named format: a CIFAR-10 recipe on STL-10 reproduces nothing.
     * Folders and archives ({@code folder:}, {@code tar:}) hold any images and are always accepted.
     *
     * @param dataset the format of {@code --dataset}
     * @throws IllegalArgumentException naming the preset, the format and what it is for
     */
    public void requireFits(DatasetFormat dataset) {
        if (dataset == DatasetFormat.FOLDER || dataset == DatasetFormat.TAR || dataset == format) {
            return;
        }
        String target = format == null ? "ImageNet-style images" : format.cliName() + " data";
        String give = format == null ? "folder:DIR or tar:FILE"
                : format.cliName() + ":DIR, or a folder:/tar: copy of its images";
        throw new IllegalArgumentException("--preset " + cliName + " is for " + target + ", not --dataset "
                + dataset.cliName() + "; give --dataset " + give);
    }

    /**
     * The preset named {@code name}.
     *
     * @throws IllegalArgumentException listing every name
     */
    public static Preset parse(String name) {
        for (Preset p : values()) {
            if (p.cliName.equals(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "'; the presets are "
                + Arrays.stream(values()).map(Preset::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
