package io.amdim4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.run.RunJson;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void parsesTheCommandLineNamesInAnyCase() {
        assertThat(Precision.parse("fp32")).isEqualTo(Precision.FP32);
        assertThat(Precision.parse(" BF16 ")).isEqualTo(Precision.BF16);
        assertThat(Precision.parse("Auto")).isEqualTo(Precision.AUTO);
    }

    @Test
    void anUnknownNameListsTheChoices() {
        assertThatThrownBy(() -> Precision.parse("fp16"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("precision must be one of fp32, bf16, auto; got 'fp16'");
    }

    @Test
    void jsonUsesTheLowerCaseName() throws Exception {
        assertThat(RunJson.mapper().writeValueAsString(Precision.AUTO)).isEqualTo("\"auto\"");
        assertThat(RunJson.mapper().readValue("\"bf16\"", Precision.class)).isEqualTo(Precision.BF16);
    }
}
