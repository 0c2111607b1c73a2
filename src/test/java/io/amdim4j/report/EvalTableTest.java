package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalTableTest {

    @TempDir
    Path tmp;

    @Test
    void reportsGiveTheirMethodAndFeatureSetToTheirResults() throws IOException {
        JsonNode root = RunJson.mapper().readTree("""
                {"reports": [
                  {"method": "amdim", "feature_set": "r1", "train_count": 60000, "results": [
                     {"protocol": "linear", "label_fraction": 1.0, "mean": 0.9, "std": 0.01,
                      "seeds": [{"seed": 1, "accuracy": 0.89}, {"seed": 2, "accuracy": 0.91}]},
                     {"protocol": "mlp", "feature_set": "r1+r5avg", "label_fraction": 0.01, "mean": 0.7}]},
                  {"method": "pixels", "results": [{"protocol": "knn-k200", "mean": 0.8, "std": 0, "seeds": 3}]}],
                 "comparison": [{"method": "amdim", "feature_set": "r1", "protocol": "linear", "label_fraction": 1.0,
                                 "mean": 0.9, "std": 0.01, "seeds": 2}]}
                """);
        EvalTable table = EvalTable.of(root);
        assertThat(table.rows()).containsExactly(
                new EvalTable.Result("amdim", "r1", "linear", 1.0, 0.9, 0.01, 2),
                new EvalTable.Result("amdim", "r1+r5avg", "mlp", 0.01, 0.7, null, null),
                new EvalTable.Result("pixels", null, "knn-k200", null, 0.8, 0.0, 3));
        assertThat(table.fractions()).isTrue();
    }

    @Test
    void aTopLevelArrayOfFlatRowsReads() throws IOException {
        EvalTable table = EvalTable.of(RunJson.mapper().readTree("""
                [{"method": "m", "protocol": "p", "mean": 91.5}, {"note": "no mean here"}, 3]
                """));
        assertThat(table.rows()).containsExactly(new EvalTable.Result("m", null, "p", null, 91.5, null, null));
        assertThat(table.fractions()).isFalse();
    }

    @Test
    void aMissingFileIsEmptyAndBrokenJsonNamesTheFile() throws IOException {
        assertThat(EvalTable.read(tmp.resolve("eval.json"))).isEmpty();
        Files.writeString(tmp.resolve("eval.json"), "{\"reports\": [");
        assertThatThrownBy(() -> EvalTable.read(tmp.resolve("eval.json"))).isInstanceOf(IOException.class)
                .hasMessageContaining(tmp.resolve("eval.json") + " is not valid JSON");
    }

    @Test
    void labelFractionsAndAccuraciesAreFormattedAsPercent() {
        assertThat(EvalSection.fraction(1.0)).isEqualTo("100%");
        assertThat(EvalSection.fraction(0.01)).isEqualTo("1%");
        assertThat(EvalSection.fraction(0.005)).isEqualTo("0.5%");
        assertThat(EvalSection.accuracy(new EvalTable.Result("m", null, "p", null, 0.91234, 0.0045, 2), true))
                .isEqualTo("91.23 ± 0.45");
        assertThat(EvalSection.accuracy(new EvalTable.Result("m", null, "p", null, 91.5, null, null), false))
                .isEqualTo("91.50");
    }

    @Test
    void anUnfinishedEvaluationNamesItsPendingMethodsOnThePage() throws IOException {
        EvalTable table = EvalTable.of(RunJson.mapper().readTree("""
                {"methods": [{"report": {"method": "amdim", "feature_set": "r1",
                   "results": [{"protocol": "linear", "label_fraction": 1.0, "mean": 0.7, "std": 0.0, "seeds": 1}]}}],
                 "pending": ["random-init", "pixels"]}
                """));
        assertThat(table.rows()).containsExactly(new EvalTable.Result("amdim", "r1", "linear", 1.0, 0.7, 0.0, 1));
        assertThat(table.pending()).containsExactly("random-init", "pixels");
        HtmlPage page = new HtmlPage("t");
        EvalSection.render(page, table);
        assertThat(page.render()).contains("Incomplete evaluation: random-init, pixels not evaluated yet");

        EvalTable complete = EvalTable.of(RunJson.mapper().readTree("""
                {"methods": [], "pending": []}
                """));
        assertThat(complete.pending()).isEmpty();
        HtmlPage finished = new HtmlPage("t");
        EvalSection.render(finished, complete);
        assertThat(finished.render()).doesNotContain("Incomplete");
    }
}
