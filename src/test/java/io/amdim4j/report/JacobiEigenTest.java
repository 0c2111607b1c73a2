package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JacobiEigenTest {

    @Test
    void columnsAreOrthonormalEigenvectorsOfTheOriginalMatrix() {
        SplittableRandom random = new SplittableRandom(4);
        for (int n : new int[] {1, 2, 5, 12}) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = random.nextDouble(-2, 2);
                    a[j][i] = a[i][j];
                }
            }
            double[][] original = new double[n][];
            for (int i = 0; i < n; i++) {
                original[i] = a[i].clone();
            }
            double[][] v = JacobiEigen.diagonalise(a);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    for (int c = 0; c < n; c++) {
                        av += original[i][c] * v[c][j];
                    }
                    assertThat(av).isCloseTo(a[j][j] * v[i][j], within(1e-12));
                }
                for (int other = 0; other < n; other++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += v[i][j] * v[i][other];
                    }
                    assertThat(dot).isCloseTo(j == other ? 1 : 0, within(1e-12));
                }
            }
        }
    }

    @Test
    void aDiagonalMatrixIsLeftAsItIs() {
        double[][] a = {{3, 0}, {0, -1}};
        double[][] v = JacobiEigen.diagonalise(a);
        assertThat(a[0]).containsExactly(3, 0);
        assertThat(a[1]).containsExactly(0, -1);
        assertThat(v[0]).containsExactly(1, 0);
    }
}
