package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --help} says what a command does, not how long it took on the machine it was written on:
 * timings belong in BENCHMARKS.md with their date and conditions.
 */
class HelpTextsTest {

    /** A number with a unit of time or speed, e.g. "4.2 s", "85 minutes", "10x faster", "58 pairs/s". */
    private static final Pattern TIMING = Pattern.compile(
            "(?i)\\b\\d+(\\.\\d+)?\\s*(x faster|x slower|×|ms|s|sec|seconds?|min|minutes?|h|hours?|pairs/s|s/update)\\b");

    /** A cost in time without a number, e.g. "costs minutes". */
    private static final Pattern COST = Pattern.compile("(?i)\\b(costs?|takes?|took|ran)\\b[^.;)]*\\b(minutes|hours|seconds)\\b");

    @Test
    void noHelpTextQuotesATiming() {
        List<String> timings = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        collect(Main.commandLine(), timings, commands);
        assertThat(commands).contains("amdim", "amdim eval", "amdim bench train-step", "amdim pretrain");
        assertThat(timings).isEmpty();
    }

    /** The command list of {@code amdim --help} shows a summary's first line: it must be a whole sentence. */
    @Test
    void everyCommandSummaryIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        for (var e : Main.commandLine().getSubcommands().entrySet()) {
            CommandLine.Model.UsageMessageSpec usage = e.getValue().getCommandSpec().usageMessage();
            String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
            String first = lines.length > 0 ? lines[0].strip() : "";
            if (!first.endsWith(".")) {
                cut.add(e.getKey() + ": " + first);
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void thePatternsSeeTheTimingsTheyAreFor() {
        assertThat(List.of("ran about 10x faster with 1 thread", "4.2 s per update", "85 minutes of training",
                "58.3 pairs/s", "mlp costs minutes")).allMatch(text -> TIMING.matcher(text).find() || COST.matcher(text).find());
        assertThat(List.of("Untimed seconds first (default: 3.0).", "spec §6.2", "Time this many seconds",
                "a checkpoint every 500 updates")).noneMatch(text -> TIMING.matcher(text).find() || COST.matcher(text).find());
    }

    private static void collect(CommandLine command, List<String> timings, List<String> commands) {
        String name = command.getCommandSpec().qualifiedName(" ");
        commands.add(name);
        // one line, so that a phrase wrapped over two lines is still seen
        String text = command.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        for (Pattern pattern : List.of(TIMING, COST)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                timings.add(name + ": ..." + text.substring(Math.max(0, m.start() - 40), m.end()));
            }
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, timings, commands));
    }
}
