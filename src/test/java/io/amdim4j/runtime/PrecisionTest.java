package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.run.RunJson;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void parsesTheCommandLineNamesInAnyCase() {
        assertThat(OptionNames.parse(Precision.values(), "fp32", "precision")).isEqualTo(Precision.FP32);
        assertThat(OptionNames.parse(Precision.values(), " BF16 ", "precision")).isEqualTo(Precision.BF16);
        assertThat(OptionNames.parse(Precision.values(), "Auto", "precision")).isEqualTo(Precision.AUTO);
    }

    @Test
    void anUnknownNameListsTheChoices() {
        assertThatThrownBy(() -> OptionNames.parse(Precision.values(), "fp16", "precision"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("precision must be one of fp32, bf16, auto; got 'fp16'");
    }

    @Test
    void jsonUsesTheLowerCaseName() throws Exception {
        assertThat(RunJson.mapper().writeValueAsString(Precision.AUTO)).isEqualTo("\"auto\"");
        assertThat(RunJson.mapper().readValue("\"bf16\"", Precision.class)).isEqualTo(Precision.BF16);
    }
}
