package io.amdim4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.ValueChange;
import io.amdim4j.run.PresetChoice;
import io.amdim4j.run.RunJson;
import io.amdim4j.train.Preset;
import io.amdim4j.train.TrainConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code pretrain --preset NAME}: the preset's values become the values of the options it sets,
 * except where the command line gave an option itself; those are the overrides. Working on the
 * options (not on the configuration built from them) keeps one path from options to
 * {@link TrainConfig}, with its checks and error messages, for runs with and without a preset.
 */
final class PresetOptions {

    /** Reads {@code --preset NAME}; an unknown name gets one line listing the presets. */
    static final class Converter extends ParseConverter<Preset> {
        Converter() {
            super(Preset::parse);
        }
    }

    private PresetOptions() {}

    /**
     * Sets every option of {@code preset} that the command line did not give.
     *
     * @param preset the preset
     * @param command the {@code pretrain} command's spec, whose option values are set
     * @param given what picocli matched
     * @return the preset's values and the given options that overrode them, for config.json
     */
    static PresetChoice apply(Preset preset, CommandSpec command, ParseResult given) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, ValueChange> overrides = new LinkedHashMap<>();
        preset.settings().forEach((name, value) -> {
            OptionSpec option = command.findOption("--" + name);
            if (option == null) {
                throw new IllegalStateException("preset " + preset + " sets " + name + ", which pretrain has no --"
                        + name + " for");
            }
            values.put(name, json(value));
            if (given.hasMatchedOption(option)) {
                overrides.put(name, new ValueChange(json(value), json(option.getValue())));
            } else {
                option.setValue(value);
            }
        });
        return new PresetChoice(preset.cliName(), values, overrides);
    }

    /** Prints the preset in full, each override beside the value it replaced, and the schedule it implies. */
    static void print(PrintWriter out, Preset preset, PresetChoice choice, TrainConfig config) {
        out.printf("preset %s (paper: %s; %s)%n", preset, preset.reported(), preset.source());
        choice.values().forEach((name, value) -> {
            ValueChange override = choice.overrides().get(name);
            out.printf("  --%-12s %s%n", name, override == null ? value
                    : override.to() + "   (given; overrides the preset's " + value + ")");
        });
        out.printf("  %-14s %s (from the epochs, spec §7)%n", "lr milestones", config.optim().milestones());
        out.flush();
    }

    private static JsonNode json(Object value) {
        return RunJson.mapper().valueToTree(value);
    }
}
