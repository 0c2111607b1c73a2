package io.amdim4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amdim4j.GoldenFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reproduces the reference encoder's outputs stored in {@code src/test/resources/golden/encoder}
 * (format in the README beside it): every file is one case, checked in inference and training mode
 * to a relative error of 1e-4 (norm of the difference over norm of the expected value).
 */
class EncoderGoldenTest {

    /** Tolerance of src/test/resources/golden/README.md, section encoder/. */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    private static final String DIR_VARIABLE = "AMDIM_GOLDEN_ENCODER";
    private static final String[] OUTPUTS = {"r1", "r5", "r7"};

    @TestFactory
    Stream<DynamicTest> reproducesEveryGoldenCase() throws IOException {
        List<Path> cases = GoldenFiles.cases(GoldenFiles.directory("encoder", DIR_VARIABLE), ".npz");
        return cases.stream().map(f -> dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> arrays = new HashMap<>();
            NDList decoded;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                decoded = NDList.decode(manager, in);
            }
            decoded.forEach(a -> arrays.put(a.getName(), a));
            EncoderConfig config = config(arrays.get("meta_json"));
            NDArray input = arrays.get("input");
            Encoder encoder = Encoder.builder().setConfig(config).build();
            encoder.initialize(manager, DataType.FLOAT32, input.getShape());
            ReferenceWeights.load(decoded, file.toString(), encoder);
            ParameterStore store = new ParameterStore(manager, false);

            // inference first: the training pass updates the running statistics
            NDList eval = encoder.forward(store, new NDList(input), false);
            NDList train = encoder.forward(store, new NDList(input), true);
            for (int i = 0; i < OUTPUTS.length; i++) {
                assertClose(file, "eval/" + OUTPUTS[i], eval.get(i), arrays);
                assertClose(file, "train/" + OUTPUTS[i], train.get(i), arrays);
            }
        }
    }

    private static EncoderConfig config(NDArray metaJson) throws IOException {
        String json = new String(metaJson.toByteArray(), StandardCharsets.UTF_8);
        JsonNode meta = new ObjectMapper().readTree(json);
        return new EncoderConfig(
                meta.get("input_size").asInt(),
                meta.get("channels").asInt(),
                meta.get("ndf").asInt(),
                meta.get("n_rkhs").asInt(),
                meta.get("n_depth").asInt(),
                meta.get("use_bn").asBoolean());
    }

    private static void assertClose(
            Path file, String name, NDArray actual, Map<String, NDArray> arrays) {
        NDArray expected = arrays.get(name);
        assertThat(expected).as("%s holds %s", file, name).isNotNull();
        assertThat(actual.size()).as("%s size", name).isEqualTo(expected.size());
        assertThat(actual.getShape().get(0)).isEqualTo(expected.getShape().get(0));
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < e.length; i++) {
            double d = (double) a[i] - e[i];
            diff += d * d;
            norm += (double) e[i] * e[i];
        }
        double relative = Math.sqrt(diff) / Math.sqrt(norm);
        assertThat(norm).as("%s: expected output is not all zero", name).isPositive();
        assertThat(relative).as("%s %s relative error", file.getFileName(), name)
                .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }
}
