package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSetTest {

    @Test
    void parsesAndWritesTheNamedConcatenations() {
        assertThat(FeatureSet.parse("r1")).isEqualTo(FeatureSet.GLOBAL);
        assertThat(FeatureSet.parse(" R1+r5avg+R7AVG ")).isEqualTo(FeatureSet.MULTISCALE);
        assertThat(FeatureSet.MULTISCALE.name()).isEqualTo("r1+r5avg+r7avg");
        assertThat(FeatureSet.parse("r7avg+r1").parts())
                .containsExactly(FeatureSet.Part.R7AVG, FeatureSet.Part.R1);
        assertThat(FeatureSet.MULTISCALE.dimension(64)).isEqualTo(192);
    }

    @Test
    void rejectsUnknownEmptyAndRepeatedParts() {
        assertThatThrownBy(() -> FeatureSet.parse("r1+r3")).hasMessageContaining("'r3'");
        assertThatThrownBy(() -> FeatureSet.parse("")).hasMessageContaining("unknown part");
        assertThatThrownBy(() -> FeatureSet.parse("r1+r1")).hasMessageContaining("repeats r1");
        assertThatThrownBy(() -> new FeatureSet(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.writeValueAsString(FeatureSet.MULTISCALE)).isEqualTo("\"r1+r5avg+r7avg\"");
        assertThat(mapper.readValue("\"r1+r7avg\"", FeatureSet.class)).isEqualTo(FeatureSet.parse("r1+r7avg"));
    }

    @Test
    void selectsAndAveragesEncoderOutputs() {
        int n = 2;
        int r = 3;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray r1 = manager.randomNormal(new Shape(n, r));
            NDArray r5 = manager.randomNormal(new Shape(n, r, 5, 5));
            NDArray r7 = manager.randomNormal(new Shape(n, r, 7, 7));
            NDList outputs = new NDList(r1, r5, r7);
            float[] selected = FeatureSet.parse("r7avg+r1").select(outputs).toFloatArray();
            float[] r1v = r1.toFloatArray();
            float[] r7v = r7.toFloatArray();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < r; c++) {
                    double sum = 0;
                    for (int l = 0; l < 49; l++) {
                        sum += r7v[(i * r + c) * 49 + l];
                    }
                    assertThat((double) selected[i * 2 * r + c]).isCloseTo(sum / 49, within(1e-5));
                    assertThat(selected[i * 2 * r + r + c]).isEqualTo(r1v[i * r + c]);
                }
            }
        }
    }
}
