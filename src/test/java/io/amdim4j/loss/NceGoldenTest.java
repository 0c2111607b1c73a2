package io.amdim4j.loss;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amdim4j.GoldenFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The reference implementation's loss values and input gradients (spec §3.6), one dynamic test per
 * golden file, in fp32 (the training precision) and in float64.
 */
public class NceGoldenTest {

    /** Tolerance of src/test/resources/golden/README.md, section nce/. */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    private static final String[] LOSS_FIELDS = {"loss_1t5", "loss_1t7", "loss_5t5", "score_reg", "total"};
    private static final String[] INPUTS = {"r1_x1", "r5_x1", "r7_x1", "r1_x2", "r5_x2", "r7_x2"};

    @TestFactory
    Stream<DynamicTest> matchesReferenceLossAndGradients() throws IOException {
        List<Path> cases = GoldenNceCase.files();
        assertThat(cases).as("golden NCE cases in " + GoldenNceCase.directory()).isNotEmpty();
        return cases.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            GoldenNceCase golden = GoldenNceCase.read(file);
            check(golden, DataType.FLOAT32);
            check(golden, DataType.FLOAT64);
        }));
    }

    private static void check(GoldenNceCase golden, DataType dataType) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray[] inputs = golden.inputs(manager, dataType);
            for (NDArray input : inputs) {
                input.setRequiresGradient(true);
            }
            MultiscaleNceLoss loss = new MultiscaleNceLoss(NceConfig.defaults().withTclip(golden.tclip()));
            Losses losses;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                losses = loss.compute(
                        new NDList(inputs[0], inputs[1], inputs[2]),
                        new NDList(inputs[3], inputs[4], inputs[5]),
                        golden.sourceLocations1(),
                        golden.sourceLocations2());
                collector.backward(losses.total());
            }
            assertThat(losses.total().getDataType()).isEqualTo(dataType);
            NDArray[] actual = {
                losses.get(LossTerm.LOSS_1T5), losses.get(LossTerm.LOSS_1T7), losses.get(LossTerm.LOSS_5T5),
                losses.get(LossTerm.SCORE_REG), losses.total()
            };
            for (int i = 0; i < LOSS_FIELDS.length; i++) {
                double expected = golden.expected(LOSS_FIELDS[i]);
                double value = actual[i].toType(DataType.FLOAT64, false).getDouble();
                assertThat(Math.abs(value - expected) / Math.abs(expected))
                        .as("%s %s relative error (got %s, expected %s)", dataType, LOSS_FIELDS[i], value, expected)
                        .isLessThan(RELATIVE_TOLERANCE);
            }
            for (int i = 0; i < INPUTS.length; i++) {
                double[] expected = golden.expectedGradient(INPUTS[i]);
                double[] gradient = inputs[i].getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
                assertThat(relativeError(gradient, expected))
                        .as("%s gradient of %s", dataType, INPUTS[i])
                        .isLessThan(RELATIVE_TOLERANCE);
            }
        }
    }

    /** ‖actual − expected‖₂ / ‖expected‖₂, after checking the lengths agree. */
    public static double relativeError(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    /** One golden file of src/test/resources/golden/nce (format in the README beside it). */
    record GoldenNceCase(Path file, int n, int r, double tclip, JsonNode root) {

        static Path directory() {
            return GoldenFiles.directory("nce", "AMDIM_GOLDEN_NCE");
        }

        static List<Path> files() throws IOException {
            return GoldenFiles.cases(directory(), ".json.gz");
        }

        static GoldenNceCase read(Path file) throws IOException {
            JsonNode root;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                root = new ObjectMapper().readTree(in);
            }
            return new GoldenNceCase(
                    file, root.get("n_batch").asInt(), root.get("n_rkhs").asInt(), root.get("tclip").asDouble(), root);
        }

        NDArray[] inputs(NDManager manager, DataType dataType) {
            NDArray[] arrays = new NDArray[INPUTS.length];
            for (int i = 0; i < INPUTS.length; i++) {
                arrays[i] = manager.create(doubles(root.get("inputs").get(INPUTS[i])), shapeOf(INPUTS[i]))
                        .toType(dataType, false);
            }
            return arrays;
        }

        Shape shapeOf(String input) {
            return switch (input.substring(0, 2)) {
                case "r1" -> new Shape(n, r);
                case "r5" -> new Shape(n, r, 5, 5);
                case "r7" -> new Shape(n, r, 7, 7);
                default -> throw new IllegalArgumentException(file + ": unknown input " + input);
            };
        }

        int[] sourceLocations1() {
            return ints(root.get("inputs").get("r5_src_loc_x1"));
        }

        int[] sourceLocations2() {
            return ints(root.get("inputs").get("r5_src_loc_x2"));
        }

        double expected(String field) {
            JsonNode node = root.get("expected").get(field);
            assertThat(node).as(file + ": expected." + field).isNotNull();
            return node.asDouble();
        }

        double[] expectedGradient(String input) {
            return doubles(root.get("expected").get("grad_total").get(input));
        }

        private double[] doubles(JsonNode array) {
            assertThat(array).as(file + ": array field").isNotNull();
            double[] values = new double[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = array.get(i).asDouble();
            }
            return values;
        }

        private int[] ints(JsonNode array) {
            assertThat(array).as(file + ": source locations").isNotNull();
            int[] values = new int[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = array.get(i).asInt();
            }
            return values;
        }
    }
}
