package io.amdim4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.run.RunJson;
import io.amdim4j.train.OptimConfig;
import io.amdim4j.train.Preset;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code amdim presets}: the configurations {@code pretrain --preset} knows, their sizes and the paper's results. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        header = "List the paper's configurations for pretrain --preset, with parameter counts and reported accuracy.",
        description = {"List the paper / reference-implementation configurations of `pretrain --preset NAME`,",
                "with each encoder's parameter count (spec §2.5 counting) and the accuracy the paper reports."})
final class PresetsCommand implements Callable<Integer> {

    @Mixin
    JsonOption json = new JsonOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json.on) {
            ArrayNode all = RunJson.mapper().createArrayNode();
            for (Preset p : Preset.values()) {
                ObjectNode node = all.addObject();
                node.put("name", p.cliName());
                node.put("dataset", dataset(p));
                node.put("encoder_parameters", p.encoderParameters());
                node.set("settings", RunJson.mapper().valueToTree(p.settings()));
                node.put("reported", p.reported());
                node.put("source", p.source());
            }
            ObjectNode root = RunJson.mapper().createObjectNode();
            root.set("presets", all);
            out.println(RunJson.mapper().writeValueAsString(root));
        } else {
            String fmt = "%-19s %-11s %4s  %-15s %6s %5s %14s  %s%n";
            out.printf(fmt, "preset", "dataset", "px", "F, R, d", "epochs", "batch", "parameters", "paper");
            for (Preset p : Preset.values()) {
                EncoderConfig e = p.encoder();
                out.printf(fmt, p.cliName(), dataset(p), e.inputSize(),
                        e.ndf() + ", " + e.nRkhs() + ", " + e.nDepth(), p.epochs(), Preset.BATCH_SIZE,
                        String.format("%,d", p.encoderParameters()), p.reported() + " (" + p.source() + ")");
            }
            out.printf("Every preset: Adam lr %s, betas %s/%s, coupled L2 %s, %d warm-up updates, x%s at the "
                    + "milestones, tclip %s, score regulariser %s (spec §3, §7).%n", plain(OptimConfig.LR),
                    plain(OptimConfig.BETA1), plain(OptimConfig.BETA2), plain(OptimConfig.WEIGHT_DECAY),
                    OptimConfig.WARMUP_UPDATES, plain(OptimConfig.DECAY), plain(NceConfig.TCLIP),
                    plain(NceConfig.SCORE_REG_WEIGHT));
            out.println("These are the paper's full schedules, run on several GPUs; on a CPU they take far too long.");
        }
        out.flush();
        return 0;
    }

    /** The {@code --dataset} kind a preset is for. */
    private static String dataset(Preset p) {
        return p.format().map(f -> f.cliName()).orElse("folder|tar");
    }

    /** 0.0002 rather than 2.0E-4, 20 rather than 20.0. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
