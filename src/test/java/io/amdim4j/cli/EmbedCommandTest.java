package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.amdim4j.augment.TestTransform;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.Split;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.Sample;
import io.amdim4j.embed.EncoderOutput;
import io.amdim4j.train.TinyRun;
import io.amdim4j.train.WithTinyRun;
import io.amdim4j.train.TrainedEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amdim embed} writes one row per image equal to the checkpoint's encoder on the test transform. */
class EmbedCommandTest extends WithTinyRun {

    private static final double TOLERANCE = 1e-5;

    private static String dataset;

    @TempDir
    Path tmp;

    @BeforeAll
    static void pretrain() throws IOException {
        dataset = "cifar10:" + shared.resolve("cifar");
    }

    @Test
    void theTestSplitGivesOneRowPerImageEqualToTheDirectForward() throws Exception {
        Path out = tmp.resolve("emb");
        // fp32 as the direct forward (auto is bf16 on a CPU with native bfloat16)
        CliRunner r = CliRunner.run("embed", "--run-dir", run.root().toString(), "--dataset", dataset,
                "--out", out.toString(), "--batch", "4", "--csv", "--no-progress", "--precision", "fp32");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("embedded " + TinyRun.TEST_IMAGES + " images");

        ImageDataset test = DatasetSpec.parse(dataset).open(Split.TEST);
        TrainedEncoder trained = TrainedEncoder.load(run.checkpoint(TinyRun.STEPS), manager);
        float[] expected = directForward(trained, test, 4, EncoderOutput.R1);
        Npy npy = Npy.read(out.resolve("embeddings.npy"));
        assertThat(npy.shape).containsExactly(TinyRun.TEST_IMAGES, TinyRun.N_RKHS);
        assertClose(npy.data, expected);

        List<String> index = Files.readAllLines(out.resolve("index.csv"));
        assertThat(index).hasSize(TinyRun.TEST_IMAGES + 1);
        assertThat(index.get(0)).isEqualTo("row,index,label,class_name");
        for (int i = 0; i < TinyRun.TEST_IMAGES; i++) {
            Sample s = test.get(i);
            assertThat(index.get(i + 1)).isEqualTo(i + "," + i + "," + s.label() + "," + test.classNames().get(s.label()));
        }
        List<String> csv = Files.readAllLines(out.resolve("embeddings.csv"));
        assertThat(csv).hasSize(TinyRun.TEST_IMAGES);
        for (int i = 0; i < TinyRun.TEST_IMAGES; i++) {
            float[] row = new float[TinyRun.N_RKHS];
            String[] fields = csv.get(i).split(",");
            for (int j = 0; j < row.length; j++) {
                row[j] = Float.parseFloat(fields[j]);
            }
            assertThat(row).containsExactly(Arrays.copyOfRange(npy.data, i * row.length, (i + 1) * row.length));
        }
    }

    @Test
    void anotherSplitOutputAndThreadCountFromACheckpointFile() throws Exception {
        Path checkpoint = run.checkpoint(TinyRun.STEPS - 1);
        Path out = tmp.resolve("train-r5");
        CliRunner r = CliRunner.run("embed", "--checkpoint", checkpoint.toString(), "--dataset", dataset,
                "--split", "train", "--output", "r5", "--threads", "2", "--batch", "3", "--out", out.toString(),
                "--no-progress", "--precision", "fp32");
        assertThat(r.exitCode()).as(r.err()).isZero();

        ImageDataset train = DatasetSpec.parse(dataset).open(Split.TRAIN);
        TrainedEncoder trained = TrainedEncoder.load(checkpoint, manager);
        Npy npy = Npy.read(out.resolve("embeddings.npy"));
        assertThat(npy.shape).containsExactly(5 * TinyRun.PER_TRAIN_FILE, TinyRun.N_RKHS * 25);
        assertClose(npy.data, directForward(trained, train, 3, EncoderOutput.R5));
        assertThat(out.resolve("embeddings.csv")).doesNotExist();
    }

    @Test
    void aBadDatasetIsNamed() {
        Path nowhere = tmp.resolve("no-cifar");
        CliRunner r = CliRunner.run("embed", "--run-dir", run.root().toString(), "--dataset", "cifar10:" + nowhere,
                "--out", tmp.resolve("x").toString(), "--no-progress");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("amdim embed: error").contains(nowhere.toString());
    }

    /** The run's TestTransform and Encoder.forward, on the batches the command uses. */
    private float[] directForward(TrainedEncoder trained, ImageDataset images, int batch, EncoderOutput output) {
        TestTransform transform = new TestTransform(trained.augment());
        int n = images.size();
        int per = 3 * 32 * 32;
        float[] rows = new float[0];
        for (int from = 0; from < n; from += batch) {
            int count = Math.min(batch, n - from);
            float[] input = new float[count * per];
            for (int i = 0; i < count; i++) {
                System.arraycopy(transform.apply(images.get(from + i).image()).data(), 0, input, i * per, per);
            }
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(input, new Shape(count, 3, 32, 32));
                NDList out = trained.encoder().forward(new ParameterStore(step, false), new NDList(x), false);
                float[] values = out.get(output.index()).toFloatArray();
                float[] grown = Arrays.copyOf(rows, rows.length + values.length);
                System.arraycopy(values, 0, grown, rows.length, values.length);
                rows = grown;
            }
        }
        return rows;
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    /** A little-endian float32 .npy file, read by the format's definition (magic, version 1.0, header). */
    private record Npy(long[] shape, float[] data) {
        static Npy read(Path file) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[6];
            b.get(magic);
            assertThat(magic).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'});
            b.position(8);
            int headerLength = Short.toUnsignedInt(b.getShort());
            byte[] header = new byte[headerLength];
            b.get(header);
            String h = new String(header, StandardCharsets.US_ASCII);
            assertThat(h).contains("'descr': '<f4'").contains("'fortran_order': False");
            String dims = h.substring(h.indexOf("'shape': (") + "'shape': (".length(), h.indexOf(')'));
            long[] shape = Arrays.stream(dims.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            float[] data = new float[b.remaining() / Float.BYTES];
            b.asFloatBuffer().get(data);
            return new Npy(shape, data);
        }
    }
}
