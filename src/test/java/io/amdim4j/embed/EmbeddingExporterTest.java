package io.amdim4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.WithNDManager;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.data.Sample;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.augment.TestTransform;
import io.amdim4j.model.Encoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExporterTest extends WithNDManager {

    private static final double TOLERANCE = 1e-5;
    /** TestTransform works in float, the formula here in double. */
    private static final double INPUT_TOLERANCE = 1e-5;
    private static final List<String> CLASSES = List.of("plane", "cat, big", "dog");

    @TempDir
    Path tmp;

    /** Seven random 32×32 RGB images; image i has label i mod 3, image 6 is unlabelled. */
    private static final class Synthetic implements ImageDataset {
        private final int channels;
        private final int side;

        Synthetic(int channels, int side) {
            this.channels = channels;
            this.side = side;
        }

        @Override
        public int size() {
            return 7;
        }

        @Override
        public Sample get(int index) {
            byte[] px = new byte[channels * side * side];
            new Random(100 + index).nextBytes(px);
            return new Sample(new RawImage(channels, side, side, px), index == 6 ? Sample.UNLABELLED : index % 3);
        }

        @Override
        public List<String> classNames() {
            return CLASSES;
        }

        @Override
        public String describe() {
            return "synthetic";
        }
    }

    @Test
    void rowsEqualTheDirectForwardAndTheIndexHasTheLabels() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 21);
        Synthetic dataset = new Synthetic(3, 32);
        EmbedConfig config = EmbedConfig.defaults().withBatchSize(3).withProgress(false).withCsv(true);

        EmbeddingFiles files = new EmbeddingExporter(encoder, config).export(dataset, AugmentConfig.cifar32(), tmp);

        NpyFile npy = NpyFile.read(files.npy());
        assertThat(npy.descr()).isEqualTo("<f4");
        assertThat(npy.rows()).isEqualTo(7);
        assertThat(npy.columns()).isEqualTo(TinyEncoder.N_RKHS);
        assertThat(npy.data()).hasSize(7 * TinyEncoder.N_RKHS);
        float[] expected = directForward(encoder, dataset, AugmentConfig.cifar32(), 3, EncoderOutput.R1);
        assertClose(npy.data(), expected);

        List<String> index = Files.readAllLines(files.index());
        assertThat(index).containsExactly(
                "row,index,label,class_name",
                "0,0,0,plane",
                "1,1,1,\"cat, big\"",
                "2,2,2,dog",
                "3,3,0,plane",
                "4,4,1,\"cat, big\"",
                "5,5,2,dog",
                "6,6,-1,");

        List<String> csv = Files.readAllLines(files.csv().orElseThrow());
        assertThat(csv).hasSize(7);
        for (int r = 0; r < 7; r++) {
            String[] fields = csv.get(r).split(",");
            assertThat(fields).hasSize(TinyEncoder.N_RKHS);
            for (int j = 0; j < fields.length; j++) {
                assertThat(Float.parseFloat(fields[j])).isEqualTo(npy.data()[r * TinyEncoder.N_RKHS + j]);
            }
        }
        try (var listing = Files.list(tmp)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("embeddings.npy", "index.csv", "embeddings.csv");
        }
    }

    @Test
    void grayscale28WithR5AndABatchLargerThanTheDataset() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(1), 22);
        Synthetic dataset = new Synthetic(1, 28);
        EmbedConfig config = EmbedConfig.defaults().withBatchSize(16).withProgress(false).withOutput(EncoderOutput.R5);

        EmbeddingFiles files = new EmbeddingExporter(encoder, config).export(dataset, AugmentConfig.gray28(), tmp);

        NpyFile npy = NpyFile.read(files.npy());
        assertThat(npy.rows()).isEqualTo(7);
        assertThat(npy.columns()).isEqualTo(TinyEncoder.N_RKHS * 25);
        assertClose(npy.data(), directForward(encoder, dataset, AugmentConfig.gray28(), 16, EncoderOutput.R5));
        assertThat(files.csv()).isEmpty();
        assertThat(tmp.resolve("embeddings.csv")).doesNotExist();
    }

    @Test
    void anImageTheTestTransformRefusesLeavesNoFiles() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 23);
        EmbedConfig config = EmbedConfig.defaults().withBatchSize(4).withProgress(false);
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> new EmbeddingExporter(encoder, config)
                        .export(new Synthetic(3, 30), AugmentConfig.cifar32(), out))
                .hasStackTraceContaining("30x30");
        try (var listing = Files.list(out)) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void anAugmentationOfAnotherSizeIsRefused() {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 24);
        EmbedConfig config = EmbedConfig.defaults().withProgress(false);
        assertThatThrownBy(() -> new EmbeddingExporter(encoder, config)
                        .export(new Synthetic(3, 32), AugmentConfig.stl64(), tmp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×64×64");
    }

    @Test
    void classNamesAreQuotedForCsv() {
        assertThat(EmbeddingExporter.csvField("T-shirt/top")).isEqualTo("T-shirt/top");
        assertThat(EmbeddingExporter.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(EmbeddingExporter.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    /**
     * The expected matrix: the training path, i.e. each image through the family's TestTransform
     * (checked here against the spec §5.5 formula computed independently) and the encoder run on
     * the same batches as the export (the engine's last bits depend on batch size).
     */
    private float[] directForward(Encoder encoder, Synthetic dataset, AugmentConfig augment, int batch,
            EncoderOutput output) {
        TestTransform transform = new TestTransform(augment);
        int n = dataset.size();
        int c = encoder.getConfig().numChannels();
        int per = c * 32 * 32;
        float[] rows = new float[0];
        for (int from = 0; from < n; from += batch) {
            int count = Math.min(batch, n - from);
            float[] input = new float[count * per];
            for (int i = 0; i < count; i++) {
                RawImage image = dataset.get(from + i).image();
                float[] x = transform.apply(image).data();
                assertClose(x, normalised(image), INPUT_TOLERANCE);
                System.arraycopy(x, 0, input, i * per, per);
            }
            float[] out = TinyEncoder.forward(encoder, manager, input, count, output);
            float[] grown = Arrays.copyOf(rows, rows.length + out.length);
            System.arraycopy(out, 0, grown, rows.length, out.length);
            rows = grown;
        }
        return rows;
    }

    /** spec §5.5: CIFAR normalisation, or for 28×28 grayscale zero-pad 2 then (x/255 − 0.2860)/0.3530. */
    private static float[] normalised(RawImage image) {
        int c = image.channels();
        int pad = (32 - image.height()) / 2;
        double[] mean = c == 3 ? new double[] {125.3 / 255, 123.0 / 255, 113.9 / 255} : new double[] {0.2860};
        double[] std = c == 3 ? new double[] {63.0 / 255, 62.1 / 255, 66.7 / 255} : new double[] {0.3530};
        float[] out = new float[c * 32 * 32];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int sy = y - pad;
                    int sx = x - pad;
                    boolean inside = sy >= 0 && sy < image.height() && sx >= 0 && sx < image.width();
                    double v = inside ? image.get(ch, sy, sx) : 0;
                    out[(ch * 32 + y) * 32 + x] = (float) ((v / 255.0 - mean[ch]) / std[ch]);
                }
            }
        }
        return out;
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertClose(actual, expected, TOLERANCE);
    }

    private static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }
}
