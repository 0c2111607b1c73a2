package io.amdim4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.model.EncoderSummary;
import io.amdim4j.model.LayerSummary;
import io.amdim4j.run.RunJson;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code amdim summary}: the layer table and parameter counts of an encoder, without the engine. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print the encoder's layers, output shapes, receptive fields and parameter counts (spec §2.3, §2.5).")
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    EncoderOptions encoder = new EncoderOptions();

    @Mixin
    JsonOption json = new JsonOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EncoderConfig config = encoder.toConfig();
        EncoderSummary summary = EncoderSummary.of(config);
        PrintWriter out = spec.commandLine().getOut();
        if (json.on) {
            out.println(RunJson.mapper().writeValueAsString(toJson(config, summary)));
        } else {
            printTable(out, config, summary);
        }
        out.flush();
        return 0;
    }

    private static ObjectNode toJson(EncoderConfig config, EncoderSummary summary) {
        ObjectNode root = RunJson.mapper().createObjectNode();
        root.set("config", RunJson.mapper().valueToTree(config));
        root.put("encoder_parameters", summary.encoderParameters());
        root.put("trunk_parameters", summary.trunkParameters());
        root.put("heads_parameters", summary.headsParameters());
        int r = config.nRkhs();
        root.set("r1_shape", shape(r));
        root.set("r5_shape", shape(r, 5, 5));
        root.set("r7_shape", shape(r, 7, 7));
        ArrayNode layers = root.putArray("layers");
        for (LayerSummary row : summary.rows()) {
            ObjectNode l = layers.addObject();
            l.put("name", row.name());
            l.set("out_shape", shape(row.outShape()));
            l.put("receptive_field", row.receptiveField());
            l.put("stride", row.stride());
            l.put("parameters", row.parameters());
        }
        return root;
    }

    private static ArrayNode shape(long... dims) {
        ArrayNode a = RunJson.mapper().createArrayNode();
        Arrays.stream(dims).forEach(a::add);
        return a;
    }

    private static ArrayNode shape(int... dims) {
        return shape(Arrays.stream(dims).asLongStream().toArray());
    }

    private static void printTable(PrintWriter out, EncoderConfig config, EncoderSummary summary) {
        out.printf("AMDIM encoder: %d px, %d channel(s), ndf %d, n_rkhs %d, n_depth %d, use_bn %s%n",
                config.inputSize(), config.numChannels(), config.ndf(), config.nRkhs(), config.nDepth(), config.useBn());
        int width = summary.rows().stream().mapToInt(r -> r.name().length()).max().orElse(10);
        String fmt = "%-" + width + "s  %-16s  %6s  %6s  %,14d%n";
        out.printf("%-" + width + "s  %-16s  %6s  %6s  %14s%n", "layer", "output (C,H,W)", "RF", "stride", "parameters");
        for (LayerSummary row : summary.rows()) {
            long[] s = row.outShape();
            out.printf(fmt, row.name(), s[0] + "x" + s[1] + "x" + s[2], row.receptiveField(), row.stride(), row.parameters());
        }
        out.printf("trunk parameters:   %,d%n", summary.trunkParameters());
        out.printf("heads (phi5+phi7):  %,d%n", summary.headsParameters());
        out.printf("encoder parameters: %,d%n", summary.encoderParameters());
        int r = config.nRkhs();
        out.printf("r1 [%d], r5 [%d,5,5], r7 [%d,7,7] per image%n", r, r, r);
    }
}
