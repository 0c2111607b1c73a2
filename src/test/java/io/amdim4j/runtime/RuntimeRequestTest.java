package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.dist.SingleProcess;
import org.junit.jupiter.api.Test;

/** The one resolution of a runtime request against the CPU's facts; no engine needed. */
class RuntimeRequestTest {

    private static final ComputeDevice GPU = new ComputeDevice(0);

    private static RuntimeRequest request(ComputeDevice device, Precision precision) {
        return new RuntimeRequest(device, precision, MemoryFormat.AUTO, EngineThreadPolicy.FIXED);
    }

    @Test
    void autoOnTheCpuFollowsTheInjectedFlags() {
        Runtime bf16 = RuntimeRequest.DEFAULT.resolve(InjectedCpu.BF16, SingleProcess.INSTANCE);
        assertThat(bf16.precision()).isEqualTo(new PrecisionConfig(Precision.AUTO, Precision.BF16, MemoryFormat.CHANNELS_LAST));
        Runtime fp32 = RuntimeRequest.DEFAULT.resolve(InjectedCpu.NO_BF16, SingleProcess.INSTANCE);
        assertThat(fp32.precision()).isEqualTo(new PrecisionConfig(Precision.AUTO, Precision.FP32, MemoryFormat.CONTIGUOUS));
        assertThat(fp32.device()).isEqualTo(ComputeDevice.CPU);
        assertThat(fp32.adaptiveThreads()).isFalse();
    }

    @Test
    void theDetectedFactsAreTheInjectedOnes() {
        for (CpuFacts cpu : InjectedCpu.both()) {
            try (InjectedCpu injected = InjectedCpu.with(cpu)) {
                assertThat(CpuFacts.detect()).isEqualTo(cpu);
                assertThat(RuntimeRequest.DEFAULT.resolve().precision().precision())
                        .isEqualTo(cpu.nativeBf16() ? Precision.BF16 : Precision.FP32);
            }
        }
    }

    @Test
    void autoOnAGpuIsFp32WhateverTheCpu() {
        assertThat(request(GPU, Precision.AUTO).resolve(InjectedCpu.BF16, SingleProcess.INSTANCE).precision())
                .isEqualTo(new PrecisionConfig(Precision.AUTO, Precision.FP32, MemoryFormat.CONTIGUOUS));
    }

    @Test
    void bf16IsRefusedOnAGpuAndOnACpuWithoutNativeBfloat16() {
        assertThatThrownBy(() -> request(GPU, Precision.BF16).resolve(InjectedCpu.BF16, SingleProcess.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--precision bf16 is PyTorch's CPU autocast and would not act on --device gpu:0; use "
                        + "--precision fp32 or auto there");
        assertThatThrownBy(() -> request(ComputeDevice.CPU, Precision.BF16).resolve(InjectedCpu.NO_BF16,
                SingleProcess.INSTANCE)).hasMessageContaining("native bfloat16").hasMessageContaining("avx512_bf16");
        assertThat(request(ComputeDevice.CPU, Precision.BF16).resolve(InjectedCpu.BF16, SingleProcess.INSTANCE)
                .precision()).isEqualTo(PrecisionConfig.bf16());
    }

    @Test
    void aResolvedRuntimeHoldsTheSameRule() {
        assertThatThrownBy(() -> Runtime.of(GPU, PrecisionConfig.bf16())).hasMessageContaining("--device gpu:0");
        assertThat(Runtime.of(GPU, PrecisionConfig.fp32()).device()).isEqualTo(GPU);
        assertThat(new Runtime(ComputeDevice.CPU, PrecisionConfig.bf16(), EngineThreadPolicy.AUTO,
                SingleProcess.INSTANCE).adaptiveThreads()).isTrue();
    }
}
