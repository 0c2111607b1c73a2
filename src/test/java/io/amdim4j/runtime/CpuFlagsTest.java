package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuFlagsTest {

    @Test
    void readsTheFirstFlagsLine() {
        List<String> cpuinfo = List.of(
                "processor\t: 0",
                "model name\t: Some CPU",
                "flags\t\t: fpu sse2 avx512f avx512_bf16 ",
                "bugs\t\t: spectre_v1",
                "processor\t: 1",
                "flags\t\t: fpu amx_bf16");
        assertThat(CpuFlags.parse(cpuinfo)).containsExactlyInAnyOrder("fpu", "sse2", "avx512f", "avx512_bf16");
    }

    @Test
    void aListingWithoutFlagsGivesNone() {
        assertThat(CpuFlags.parse(List.of("processor\t: 0", "Features\t: neon"))).isEmpty();
    }

    @Test
    void thisMachineHasFlagsOrNoCpuinfo() {
        // on Linux every x86 or ARM kernel lists at least one flag; elsewhere the set is empty
        boolean linux = java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/cpuinfo"));
        assertThat(CpuFlags.read().isEmpty()).isEqualTo(!linux);
    }
}
