package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The console table of amdim eval. */
class EvalTableTest {

    @Test
    void oneRowPerMethodProtocolAndFractionThenOneCostRowPerMethod() {
        List<MethodEvaluation> methods = EvalJsonTest.sample().methods();
        String[] lines = EvalTable.format(methods).split("\n");
        assertThat(lines).hasSize(3 + 1 + 3);
        assertThat(words(lines[0])).containsExactly("method", "features", "protocol", "labels", "accuracy", "(%)", "seeds");
        // 0.75 and 0.5: mean 62.5%, sample std 17.68%
        assertThat(words(lines[1])).containsExactly("amdim", "r1+r5avg+r7avg", "linear", "10%", "62.50", "±", "17.68", "2");
        assertThat(words(lines[2])).containsExactly("pixels", "pixels", "knn-k20", "100%", "25.00", "±", "0.00", "1");
        assertThat(lines[3]).isEmpty();
        assertThat(words(lines[5])).containsExactly("amdim", "r1+r5avg+r7avg", "96", "100", "40", "10", "2.5", "1.5", "4.0");
        assertThat(words(lines[6])).containsExactly("pixels", "pixels", "3072", "100", "40", "10", "0.5", "0.3", "0.8");
        // aligned: every column starts where its header does
        assertThat(lines[2].indexOf("knn-k20")).isEqualTo(lines[0].indexOf("protocol"));
        assertThat(lines[6].indexOf("3072")).isEqualTo(lines[4].indexOf("dim"));
    }

    @Test
    void labelFractionsPrintAsShortPercentages() {
        assertThat(EvalTable.percent(1.0)).isEqualTo("100%");
        assertThat(EvalTable.percent(0.1)).isEqualTo("10%");
        assertThat(EvalTable.percent(0.01)).isEqualTo("1%");
        assertThat(EvalTable.percent(0.005)).isEqualTo("0.5%");
        assertThat(EvalTable.percent(0.125)).isEqualTo("12.5%");
    }

    private static String[] words(String line) {
        return line.trim().split("\\s+");
    }
}
