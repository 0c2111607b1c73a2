package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimitiveProfileTest {

    private static final String CONV_7 = "mb64_ic256oc256_ih7oh7kh1sh1dh0ph0_iw7ow7kw1sw1dw0pw0";

    /** Lines as oneDNN 3.7.1 printed them in an ndf-64 bf16 update (times changed), with the program's own lines. */
    private static final List<String> LOG = List.of(
            "onednn_verbose,v1,info,oneDNN v3.7.1 (commit 8d263e693366ef8db40acc569cc7d8edf644556d)",
            "onednn_verbose,v1,info,cpu,runtime:OpenMP,nthr:2",
            "train step: 32 px, ndf 64, n_rkhs 512",
            "onednn_verbose,v1,primitive,exec,cpu,convolution,brgconv_1x1:avx512_core_bf16,forward_training,"
                    + "src:bf16::blocked:acdb::f0 wei:bf16:a:blocked:AcdB32a2b::f0 bia:undef::undef::: "
                    + "dst:bf16::blocked:acdb::f0,attr-scratchpad:user,alg:convolution_direct," + CONV_7 + ",1.5",
            "onednn_verbose,v1,primitive,create:cache_hit,cpu,convolution,brgconv_1x1:avx512_core_bf16,"
                    + "forward_training,src:bf16::blocked:acdb::f0,attr-scratchpad:user,alg:convolution_direct,"
                    + CONV_7 + ",0.01",
            // a later call of the same shape with another implementation: the first call's impl is listed
            "onednn_verbose,v1,primitive,exec,cpu,convolution,jit_1x1:avx512_core,forward_training,"
                    + "src:f32::blocked:abcd::f0 dst:f32::blocked:abcd::f0,attr-scratchpad:user,"
                    + "alg:convolution_direct," + CONV_7 + ",2.5",
            // with ONEDNN_VERBOSE_TIMESTAMP=1 a time stamp follows the version
            "onednn_verbose,v1,1733626800123.5,primitive,exec,cpu,convolution,jit_bf16_1x1:avx512_core_bf16,"
                    + "backward_weights,src:bf16::blocked:acdb::f0 wei:bf16::blocked:ABcd16b16a::f0 "
                    + "dst:bf16::blocked:acdb::f0,attr-scratchpad:user,alg:convolution_direct," + CONV_7 + ",3",
            "onednn_verbose,v1,primitive,exec,cpu,reorder,jit:uni,undef,src:bf16::blocked:abcd::f0 "
                    + "dst:bf16::blocked:AcdB32a2b::f0,attr-scratchpad:user,,256x256x1x1,0.25",
            "onednn_verbose,v1,primitive,exec,cpu,reorder,jit:uni,undef,src:bf16::blocked:abcd::f0 "
                    + "dst:bf16::blocked:AcdB32a2b::f0,attr-scratchpad:user,,256x256x1x1,0.75",
            "onednn_verbose,v1,primitive,exec,cpu,reorder,jit:uni,undef,truncated",
            "  median 0.550 s per update");

    @Test
    void sumsTimeAndCallsPerDirectionAndPerShapeLongestFirst() {
        PrimitiveProfile p = PrimitiveProfile.parse(LOG, 2);

        assertThat(p.directions()).extracting(PrimitiveProfile.Row::kind, PrimitiveProfile.Row::direction,
                PrimitiveProfile.Row::calls).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("convolution", "forward_training", 2),
                        org.assertj.core.groups.Tuple.tuple("convolution", "backward_weights", 1),
                        org.assertj.core.groups.Tuple.tuple("reorder", "undef", 2));
        assertThat(p.directions().get(0).millis()).isCloseTo(4.0, within(1e-12));
        assertThat(p.millisPerUpdate()).isCloseTo((1.5 + 2.5 + 3 + 0.25 + 0.75) / 2, within(1e-12));

        PrimitiveProfile.Row forward = p.shapes().get(0);
        assertThat(forward.problem()).isEqualTo(CONV_7);
        assertThat(forward.impl()).isEqualTo("brgconv_1x1:avx512_core_bf16");
        assertThat(forward.source()).isEqualTo("bf16::blocked:acdb::f0");
        assertThat(p.shapes()).extracting(PrimitiveProfile.Row::problem)
                .containsExactly(CONV_7, CONV_7, "256x256x1x1");
        assertThat(p.shapes().get(1).impl()).isEqualTo("jit_bf16_1x1:avx512_core_bf16");
    }

    @Test
    void printsPerUpdateFigures() {
        StringWriter text = new StringWriter();
        PrimitiveProfile.parse(LOG, 2).print(new PrintWriter(text, true), 10);
        assertThat(text.toString())
                .contains("(2 updates): 4.0 ms in all")
                .containsPattern("convolution\\s+forward_training\\s+2\\.00\\s+1\\.0")
                .containsPattern("1\\.50\\s+0\\.5\\s+convo backward_weights\\s+" + CONV_7);
    }

    @Test
    void tellsOneDnnLinesFromTheProgramsOwn() {
        assertThat(LOG.stream().filter(PrimitiveProfile::isVerbose)).hasSize(LOG.size() - 2);
        assertThat(PrimitiveProfile.parse(List.of("onednn_verbose,v1,info,cpu,runtime:OpenMP,nthr:2"), 1)
                .directions()).isEmpty();
        assertThatThrownBy(() -> PrimitiveProfile.parse(LOG, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
