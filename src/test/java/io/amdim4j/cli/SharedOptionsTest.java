package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.data.DatasetFormat;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Options that mean the same in several commands are one mixin: one help text, one parse. */
class SharedOptionsTest {

    @TempDir
    Path tmp;

    /** Every command (by qualified name) that has {@code option}, with that option. */
    static Map<String, OptionSpec> commandsWith(String option) {
        Map<String, OptionSpec> found = new LinkedHashMap<>();
        List<CommandLine> pending = new ArrayList<>(List.of(Main.commandLine()));
        while (!pending.isEmpty()) {
            CommandLine cl = pending.remove(0);
            OptionSpec spec = cl.getCommandSpec().findOption(option);
            if (spec != null) {
                found.put(cl.getCommandSpec().qualifiedName(" "), spec);
            }
            pending.addAll(cl.getSubcommands().values());
        }
        return found;
    }

    @Test
    void everyCommandThatReadsImagesTakesTheOneDatasetOption() {
        Map<String, OptionSpec> withDataset = commandsWith("--dataset");
        assertThat(withDataset.keySet()).containsExactlyInAnyOrder(
                "amdim pretrain", "amdim eval", "amdim embed", "amdim finetune", "amdim report", "amdim bench data",
                "amdim serve", "amdim bench serve");
        withDataset.forEach((command, option) -> {
            assertThat(option.description()).as(command).containsExactly(DatasetOption.FORMATS, DatasetOption.SPLITS);
            assertThat(option.type()).as(command).isEqualTo(DatasetSpec.class);
            assertThat(option.paramLabel()).as(command).isEqualTo("SPEC");
        });
        for (String split : List.of("--split", "--train-split", "--test-split")) {
            commandsWith(split).forEach((command, option) ->
                    assertThat(option.type()).as(command + " " + split).isEqualTo(Split.class));
        }
    }

    @Test
    void theHelpNamesEveryFormatAndNoSharedFolder() {
        for (DatasetFormat format : DatasetFormat.values()) {
            String shown = format.cliName() + (format.defaultPath().isPresent() ? "[:DIR]" : ":");
            assertThat(DatasetOption.FORMATS).contains(shown);
        }
        assertThat(DatasetOption.FORMATS + DatasetOption.SPLITS).doesNotContain(".." + "/shared");
    }

    @Test
    void optionsThatMeanTheSameShareOneDescription() {
        Map<String, List<String>> shared = Map.of(
                "--json", List.of("amdim summary", "amdim bench data", "amdim bench train-step"),
                "--no-progress", List.of("amdim pretrain", "amdim embed", "amdim quickstart"),
                "--threads", List.of("amdim eval", "amdim embed", "amdim bench data"));
        shared.forEach((name, commands) -> {
            Map<String, OptionSpec> found = commandsWith(name);
            assertThat(found.keySet()).as(name).containsAll(commands);
            List<List<String>> descriptions = commands.stream().map(c -> List.of(found.get(c).description())).toList();
            assertThat(descriptions).as(name).allMatch(descriptions.get(0)::equals);
        });
    }

    @Test
    void aBadSpecIsRefusedAsTheCommandLineIsRead() {
        CliRunner r = CliRunner.run("embed", "--run-dir", tmp.toString(), "--dataset", "svhn:/d", "--out",
                tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--dataset").contains("'svhn'").contains("cifar10");
        CliRunner split = CliRunner.run("embed", "--run-dir", tmp.toString(), "--dataset", "cifar10:/d",
                "--split", "train+", "--out", tmp.resolve("out").toString());
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).contains("--split").contains("train+");
    }

    @Test
    void aRequiredDatasetIsStillRequired() {
        for (String[] args : List.of(new String[] {"bench", "data"},
                new String[] {"embed", "--run-dir", tmp.toString(), "--out", tmp.resolve("out").toString()})) {
            CliRunner r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains("Missing required option: '--dataset=SPEC'");
        }
    }

    @Test
    void anInputSizeTheDatasetCannotFillNamesBoth() {
        // on the old code cifar10 at 64 px silently took STL's crop family on upsampled images
        CliRunner bench = CliRunner.run("bench", "data", "--dataset", "cifar10:" + tmp, "--input-size", "64");
        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err()).contains("--input-size 64").contains("--dataset cifar10:" + tmp).contains("32x32");
        CliRunner pretrain = CliRunner.run("pretrain", "--dataset", "stl10:" + tmp, "--input-size", "128",
                "--run-dir", tmp.resolve("run").toString());
        assertThat(pretrain.exitCode()).isEqualTo(2);
        assertThat(pretrain.err()).contains("--input-size 128").contains("--dataset stl10:" + tmp);
        assertThat(tmp.resolve("run")).doesNotExist();
    }
}
