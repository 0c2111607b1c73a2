package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuFactsTest {

    @Test
    void thePropertyWinsOverTheVariableWhichWinsOverTheCpu() {
        assertThat(CpuFacts.detect("avx2 avx512_bf16", "fma")).isEqualTo(CpuFacts.of("avx2", "avx512_bf16"));
        assertThat(CpuFacts.detect(null, "fma,amx_bf16")).isEqualTo(CpuFacts.of("fma", "amx_bf16"));
        assertThat(CpuFacts.detect(null, null)).isEqualTo(new CpuFacts(CpuFlags.read()));
    }

    @Test
    void anEmptyListMeansNoFlags() {
        assertThat(CpuFacts.detect("", "avx512_bf16").flags()).isEmpty();
        assertThat(CpuFacts.parse(" \t").nativeBf16()).isFalse();
    }

    @Test
    void nativeBfloat16IsAvx512Bf16OrAmx() {
        assertThat(CpuFacts.of("avx512_bf16").nativeBf16()).isTrue();
        assertThat(CpuFacts.of("amx_bf16").nativeBf16()).isTrue();
        assertThat(CpuFacts.of("avx512f", "avx512_fp16", "amx_tile").nativeBf16()).isFalse();
    }

    @Test
    void theTextFormIsReadBack() {
        CpuFacts facts = CpuFacts.of("fma", "avx512_bf16", "avx2");
        assertThat(facts.toString()).isEqualTo("avx2 avx512_bf16 fma");
        assertThat(CpuFacts.parse(facts.toString())).isEqualTo(facts);
    }
}
