package io.amdim4j.cli;

import io.amdim4j.train.ResumeChanges;
import io.amdim4j.train.TrainConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options {@code pretrain --resume} takes. A resumed run's configuration comes from its checkpoint;
 * only the options in {@link #MAY_CHANGE} may be given (their meaning for the schedule is on
 * {@link ResumeChanges}). Any other option is refused when it is given at all, even with the run's own
 * value: "given" is what picocli matched, so a default can never be mistaken for a request.
 */
final class ResumeOptions {

    /** For the help text of --resume. */
    static final String MAY_CHANGE_TEXT = "--steps, --epochs, --minutes, --lr, --warmup, --loader-threads, "
            + "--checkpoint-every, --keep-checkpoints, --bn-batches, --no-test, --no-progress, --device, --engine-threads, --local-ranks";

    static final List<String> MAY_CHANGE = List.of(MAY_CHANGE_TEXT.split(", "));

    /** The run's value of each option that defines a run, for the refusal. */
    static final Map<String, Function<TrainConfig, Object>> FIXED = Map.ofEntries(
            Map.entry("--dataset", c -> c.data().dataset()),
            Map.entry("--train-split", c -> c.data().trainSplit()),
            Map.entry("--test-split", c -> c.data().testSplit()),
            Map.entry("--seed", TrainConfig::seed),
            Map.entry("--input-size", c -> c.encoder().inputSize()),
            Map.entry("--channels", c -> c.encoder().numChannels()),
            Map.entry("--ndf", c -> c.encoder().ndf()),
            Map.entry("--n-rkhs", c -> c.encoder().nRkhs()),
            Map.entry("--n-depth", c -> c.encoder().nDepth()),
            Map.entry("--use-bn", c -> c.encoder().useBn()),
            Map.entry("--tclip", c -> c.nce().tclip()),
            Map.entry("--score-reg", c -> c.nce().scoreRegWeight()),
            Map.entry("--mixtures", c -> c.mixture().enabled() ? c.mixture().components() : 0),
            Map.entry("--tau", c -> c.mixture().tau()),
            Map.entry("--alpha", c -> c.mixture().alpha()),
            Map.entry("--batch-size", TrainConfig::batchSize),
            Map.entry("--precision", c -> c.precision().precision()),
            Map.entry("--memory-format", c -> c.precision().memoryFormat()),
            Map.entry("--run-dir", c -> "the --resume directory"),
            // a preset only fills in the options above; which one the run came from is in its config.json
            Map.entry("--preset", c -> "see its config.json"),
            Map.entry("--init-from", c -> "its own checkpoint's weights"));

    private ResumeOptions() {}

    /**
     * The changes the command line asks of a resumed run.
     *
     * @throws IllegalArgumentException naming every given option outside {@link #MAY_CHANGE} with the run's value
     */
    static ResumeChanges changes(ParseResult given, TrainConfig run) {
        // inherited options (amdim's --verbose) are about the process, not the run
        List<String> refused = given.matchedOptions().stream().filter(o -> !o.inherited()).map(OptionSpec::longestName)
                .filter(name -> !MAY_CHANGE.contains(name) && !name.equals("--resume"))
                .map(name -> name + " (the run's: " + FIXED.getOrDefault(name, c -> "see its config.json").apply(run) + ")")
                .toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("cannot change on resume: " + String.join(", ", refused)
                    + "; with --resume give only " + MAY_CHANGE_TEXT);
        }
        return new ResumeChanges(given.matchedOptionValue("--steps", null), given.matchedOptionValue("--epochs", null),
                given.matchedOptionValue("--lr", null), given.matchedOptionValue("--warmup", null),
                given.matchedOptionValue("--loader-threads", null), given.matchedOptionValue("--checkpoint-every", null),
                given.matchedOptionValue("--keep-checkpoints", null),
                given.hasMatchedOption("--no-test") ? Boolean.FALSE : null,
                given.matchedOptionValue("--bn-batches", null), given.matchedOptionValue("--device", null));
    }
}
