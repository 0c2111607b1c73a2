package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.report.ConfigSummary;
import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.Provenance;
import io.amdim4j.run.RunJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config.json as {@code ConfigJson<TrainConfig>}: the format of existing runs is kept, every field
 * of such a file is read, and the report's highlights come from {@link TrainConfig} itself.
 */
class ConfigJsonTest {

    /** Written by {@code Pretraining.start} at d396241 for {@link TinyRun#config} (dataset path fixed). */
    private static final String OLD = "/io/amdim4j/run/config-d396241.json";
    private static final TrainConfig TINY = TinyRun.config(Path.of("/data/cifar-10-batches-bin"));
    private static final String CHECKSUM = "sha256:4311b4fc16d209329779c52d7b2ed6e48cb94e2e362607df181a5eca843610da";

    @TempDir
    Path tmp;

    private static Path old() throws Exception {
        return Path.of(ConfigJsonTest.class.getResource(OLD).toURI());
    }

    @Test
    void aConfigJsonOfTheEarlierFormatReadsWithEveryField() throws Exception {
        ConfigJson<TrainConfig> read = ConfigJson.read(old(), TrainConfig.class);

        assertThat(read.config()).isEqualTo(TINY); // record equality: every field of every section
        assertThat(read.provenance()).isEqualTo(new Provenance("d39624152c34924251ab4f99136618a31cd852eb", "dev",
                "17.0.15", "0.36.0", "PyTorch 2.7.1", "Linux 6.18.44-fc-v1045", "amd64", 2,
                "2026-12-02T15:56:07.775920154Z"));
        assertThat(read.datasetChecksum()).isEqualTo(CHECKSUM);
        assertThat(read.history()).isEmpty();
    }

    @Test
    void todaysWriterKeepsTheEarlierFormat() throws Exception {
        ConfigJson<TrainConfig> read = ConfigJson.read(old(), TrainConfig.class);
        Path file = tmp.resolve("config.json");
        new ConfigJson<>(read.config(), read.provenance(), read.datasetChecksum(), List.of()).write(file);

        JsonNode expected = RunJson.mapper().readTree(old().toFile());
        // the one field that changed on purpose: bf16 made the precision string an object (the string still reads)
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.get("config")).set("precision",
                RunJson.mapper().readTree("{\"requested\":\"fp32\",\"precision\":\"fp32\",\"memory_format\":\"contiguous\"}"));
        // and data-parallel training (issue 14) records the processes; a file without the field reads as 1
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.get("config")).put("world_size", 1);
        // and the device, added later: a file without it reads as a run on the CPU
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.get("config")).put("device", "cpu");
        assertThat(RunJson.mapper().readTree(file.toFile())).isEqualTo(expected);
    }

    @Test
    void theReportShowsTheRunsHighlightsFromTheTypedFile() throws Exception {
        ConfigSummary summary = ConfigSummary.of(ConfigJson.read(old(), TrainConfig.class));

        assertThat(summary.datasetSpec()).isEqualTo("cifar10:/data/cifar-10-batches-bin");
        assertThat(summary.highlights()).extracting(ConfigSummary.Row::key).startsWith("dataset", "train split",
                "test split", "master seed", "input size (px)", "channels", "ndf", "n_rkhs", "n_depth", "use_bn",
                "augmentation", "tclip", "score regulariser weight", "mixtures", "epochs", "max steps (0 = none)",
                "batch size", "learning rate", "warm-up updates", "lr milestones (epochs)", "precision",
                "processes (MPI ranks, batch size each)", "device", "git commit");
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("master seed", "7"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("ndf", "8"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("n_rkhs", Integer.toString(TinyRun.N_RKHS)));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("augmentation", "cifar32"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("batch size", "4"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("learning rate", "0.002"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("lr milestones (epochs)", "[0]"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("precision", "fp32, contiguous"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("engine threads", "2"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("dataset checksum", CHECKSUM));
        assertThat(summary.all()).contains(new ConfigSummary.Row("config.optim.beta1", "0.8"));
    }
}
