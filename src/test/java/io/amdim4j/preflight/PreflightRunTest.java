package io.amdim4j.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a crashed child is described: the report's frame and oneDNN's last primitive, without a JVM. */
class PreflightRunTest {

    @Test
    void theProblematicFrameNamesTheLibraryAndTheFunction() {
        List<String> hsErr = List.of("#  SIGFPE (0x8) at pc=0x00007f, pid=1, tid=2", "# Problematic frame:",
                "# C  [libtorch_cpu.so+0x5c3d2e1]  dnnl::impl::cpu::x64::brgemm_convolution_utils::brg_blocking_t"
                        + "::est_eff_1x1()+0x71");
        assertThat(PreflightRun.problematicFrame(hsErr)).contains("libtorch_cpu.so dnnl::impl::cpu::x64::"
                + "brgemm_convolution_utils::brg_blocking_t::est_eff_1x1()+0x71");
    }

    @Test
    void theLastPrimitiveBeingCreatedIsNamedWithItsProblem() {
        List<String> out = List.of("onednn_verbose,v1,info,oneDNN v3.7.1",
                "onednn_verbose,v1,primitive,create:cache_miss,cpu,convolution,brg_conv_fwd:avx512_core_bf16,"
                        + "forward_training,src:bf16::blocked:acdb::f0 wei:bf16:ap:blocked:AcdB16a2b::f0,"
                        + "attr-scratchpad:user,alg:convolution_direct,mb4_ic3oc8_ih32oh30kh3sh1dh0ph0_iw32ow30kw3sw1dw0pw0,0.26",
                "onednn_verbose,v1,primitive,create:dispatch,convolution,cpu,convolution,brdgmm_dw:undef,forward_training,"
                        + "src:bf16::blocked:acdb::f0 wei:bf16:a:any:any::f0,attr-scratchpad:user,alg:convolution_direct,"
                        + "mb32_ic512oc1024_ih5oh5kh1sh1dh0ph0_iw5ow5kw1sw1dw0pw0,unsupported feature,src/cpu/x.cpp:167",
                "onednn_verbose,v1,primitive,create:dispatch,convolution,bad flags,src/cpu/x64/jit_brgemm_conv_utils.cpp:2429");
        assertThat(PreflightRun.lastPrimitive(out)).contains("convolution forward_training src:bf16::blocked:acdb::f0 "
                + "mb32_ic512oc1024_ih5oh5kh1sh1dh0ph0_iw5ow5kw1sw1dw0pw0");
    }

    @Test
    void withoutAReportTheSignalComesFromTheExitStatus() throws Exception {
        assertThat(PreflightRun.crashReason(134, List.of(), java.util.Optional.empty(), java.nio.file.Path.of("c.log")))
                .isEqualTo("SIGABRT, output in c.log");
    }
}
