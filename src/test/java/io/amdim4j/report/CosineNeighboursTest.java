package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CosineNeighboursTest {

    @Test
    void nearestMatchesABruteForceSortOfAllCosines() {
        int n = 60;
        int d = 7;
        SplittableRandom random = new SplittableRandom(9);
        float[] values = new float[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        // row 5 is row 4 scaled (cosine 1) and row 6 is all zeros
        for (int c = 0; c < d; c++) {
            values[5 * d + c] = 2.5f * values[4 * d + c];
            values[6 * d + c] = 0;
        }
        EmbeddingMatrix m = new EmbeddingMatrix(n, d, values);
        CosineNeighbours neighbours = new CosineNeighbours(m);

        for (int q : new int[] {0, 4, 6, 17, n - 1}) {
            for (int k : new int[] {1, 8, n - 1}) {
                List<double[]> all = new ArrayList<>();
                for (int r = 0; r < n; r++) {
                    if (r != q) {
                        all.add(new double[] {r, bruteCosine(values, d, q, r)});
                    }
                }
                all.sort(Comparator.<double[]>comparingDouble(p -> -p[1]).thenComparingDouble(p -> p[0]));
                List<CosineNeighbours.Neighbour> got = neighbours.nearest(q, k);
                assertThat(got).hasSize(k);
                for (int i = 0; i < k; i++) {
                    assertThat(got.get(i).similarity()).isCloseTo(all.get(i)[1], within(1e-12));
                    assertThat(got.get(i).row()).isEqualTo((int) all.get(i)[0]);
                }
            }
        }
        assertThat(neighbours.nearest(4, 1).get(0).row()).isEqualTo(5);
        assertThat(neighbours.nearest(4, 1).get(0).similarity()).isCloseTo(1, within(1e-6));
    }

    @Test
    void theQueryIsNeverItsOwnNeighbourAndBadArgumentsAreRejected() {
        float[] values = {1, 0, 1, 0, 0, 1};
        CosineNeighbours neighbours = new CosineNeighbours(new EmbeddingMatrix(3, 2, values));
        assertThat(neighbours.nearest(0, 5)).extracting(CosineNeighbours.Neighbour::row).containsExactly(1, 2);
        assertThatThrownBy(() -> neighbours.nearest(3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query row 3");
    }

    private static double bruteCosine(float[] v, int d, int a, int b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int c = 0; c < d; c++) {
            dot += (double) v[a * d + c] * v[b * d + c];
            na += (double) v[a * d + c] * v[a * d + c];
            nb += (double) v[b * d + c] * v[b * d + c];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
