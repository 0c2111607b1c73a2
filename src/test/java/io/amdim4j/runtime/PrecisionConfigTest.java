package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.run.RunJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecisionConfigTest {

    private static final CpuFacts AVX512_BF16 = CpuFacts.of("avx2", "avx512f", "avx512_bf16");
    private static final CpuFacts AMX = CpuFacts.of("avx2", "amx_tile", "amx_bf16");
    private static final CpuFacts AVX2_ONLY = CpuFacts.of("avx2", "fma");

    @Test
    void autoPicksBf16AndChannelsLastWhereTheCpuHasNativeBfloat16() {
        for (CpuFacts flags : List.of(AVX512_BF16, AMX)) {
            PrecisionConfig c = PrecisionConfig.resolve(Precision.AUTO, MemoryFormat.AUTO, flags);
            assertThat(c).isEqualTo(new PrecisionConfig(Precision.AUTO, Precision.BF16, MemoryFormat.CHANNELS_LAST));
        }
    }

    @Test
    void autoPicksFp32AndTheContiguousLayoutElsewhere() {
        assertThat(PrecisionConfig.resolve(Precision.AUTO, MemoryFormat.AUTO, AVX2_ONLY))
                .isEqualTo(new PrecisionConfig(Precision.AUTO, Precision.FP32, MemoryFormat.CONTIGUOUS));
        assertThat(PrecisionConfig.resolve(Precision.AUTO, MemoryFormat.AUTO, CpuFacts.of()).precision())
                .isEqualTo(Precision.FP32);
    }

    @Test
    void anExplicitChoiceIsKeptAndTheLayoutCanBeSwitchedEitherWay() {
        assertThat(PrecisionConfig.resolve(Precision.FP32, MemoryFormat.AUTO, AMX)).isEqualTo(PrecisionConfig.fp32());
        assertThat(PrecisionConfig.resolve(Precision.BF16, MemoryFormat.AUTO, AMX)).isEqualTo(PrecisionConfig.bf16());
        assertThat(PrecisionConfig.resolve(Precision.BF16, MemoryFormat.CONTIGUOUS, AMX).memoryFormat())
                .isEqualTo(MemoryFormat.CONTIGUOUS);
        assertThat(PrecisionConfig.resolve(Precision.FP32, MemoryFormat.CHANNELS_LAST, AVX2_ONLY).memoryFormat())
                .isEqualTo(MemoryFormat.CHANNELS_LAST);
    }

    @Test
    void bf16OnACpuWithoutItNamesTheMissingFeature() {
        assertThatThrownBy(() -> PrecisionConfig.resolve(Precision.BF16, MemoryFormat.AUTO, AVX2_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--precision bf16")
                .hasMessageContaining("avx512_bf16")
                .hasMessageContaining("amx_bf16")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aResolvedConfigNeverHoldsAuto() {
        assertThatThrownBy(() -> new PrecisionConfig(Precision.AUTO, Precision.AUTO, MemoryFormat.CONTIGUOUS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrecisionConfig(Precision.FP32, Precision.FP32, MemoryFormat.AUTO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrecisionConfig(Precision.FP32, Precision.BF16, MemoryFormat.CONTIGUOUS))
                .hasMessageContaining("resolved from a request for fp32");
    }

    @Test
    void jsonRecordsTheRequestTheResolutionAndTheLayout() throws Exception {
        PrecisionConfig c = new PrecisionConfig(Precision.AUTO, Precision.BF16, MemoryFormat.CHANNELS_LAST);
        String json = RunJson.mapper().writeValueAsString(c);
        assertThat(RunJson.mapper().readTree(json).get("requested").asText()).isEqualTo("auto");
        assertThat(RunJson.mapper().readTree(json).get("precision").asText()).isEqualTo("bf16");
        assertThat(RunJson.mapper().readTree(json).get("memory_format").asText()).isEqualTo("channels_last");
        assertThat(RunJson.mapper().readValue(json, PrecisionConfig.class)).isEqualTo(c);
    }

    @Test
    void aConfigWrittenBeforeTheLayoutExistedReadsAsFloat32() throws Exception {
        assertThat(RunJson.mapper().readValue("\"fp32\"", PrecisionConfig.class)).isEqualTo(PrecisionConfig.fp32());
    }
}
