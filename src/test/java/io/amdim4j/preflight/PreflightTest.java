package io.amdim4j.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.runtime.CpuFacts;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.runtime.Precision;
import io.amdim4j.runtime.PrecisionConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight with real child JVMs, made to die by a real signal through the test-only switch, so
 * that every CPU sees the fallback, the refusal and the cache. The machine's facts are injected: a CPU
 * without native bfloat16 runs the tiny encoder's bf16 child in software.
 */
class PreflightTest {

    /** A CPU with native bfloat16, whatever this one has. */
    private static final PreflightMachine BF16_MACHINE = new PreflightMachine("test engine", "test CPU",
            Set.of("avx512f", "avx512_bf16"));

    private static final EncoderConfig TINY = new EncoderConfig(32, 3, 4, 16, 1, false);

    @TempDir
    Path cache;

    private final StringWriter log = new StringWriter();

    private Preflight.Result prove(List<PrecisionConfig> candidates, boolean explicit, String testCrash) {
        Preflight.Settings settings = new Preflight.Settings(cache, true, PreflightTestCrash.parse(testCrash));
        return Preflight.prove(ComputeDevice.CPU, candidates, explicit, TINY, 2, BF16_MACHINE, settings,
                new PrintWriter(log, true));
    }

    private static List<PrecisionConfig> autoOnBf16() {
        PrecisionConfig first = PrecisionConfig.resolve(Precision.AUTO, MemoryFormat.AUTO, new CpuFacts(BF16_MACHINE.cpuFlags()));
        return Preflight.candidates(first, true);
    }

    @Test
    void underAutoTheFallbackOrderIsChannelsLastThenContiguousThenFp32() {
        assertThat(autoOnBf16()).extracting(PreflightCombination::label)
                .containsExactly("bf16 channels_last", "bf16 contiguous", "fp32 contiguous");
        PrecisionConfig explicit = PrecisionConfig.bf16();
        assertThat(Preflight.candidates(explicit, false)).containsExactly(explicit);
    }

    @Test
    void aChildThatDiesBySignalUnderAutoFallsBackWithOneLineNamingTheSignalAndTheReport() throws Exception {
        Preflight.Result r = prove(autoOnBf16(), false, "bf16/channels_last:SIGSEGV");

        assertThat(r.precision()).isEqualTo(new PrecisionConfig(Precision.AUTO, Precision.BF16, MemoryFormat.CONTIGUOUS));
        assertThat(r.childrenRun()).isEqualTo(2);
        assertThat(r.verdict().status()).isEqualTo(Preflight.PROVEN);
        assertThat(r.verdict().ran()).isEqualTo("bf16 contiguous");
        assertThat(r.verdict().fellBackFrom()).containsExactly("bf16 channels_last");
        assertThat(r.verdict().reason()).startsWith("bf16 channels_last crashed in a child JVM (SIGSEGV");
        assertThat(log.toString().lines()).singleElement().asString()
                .startsWith("amdim: preflight: bf16 channels_last crashed").contains("SIGSEGV")
                .endsWith("; running bf16 contiguous instead");
        // the child's JVM wrote its crash report where the line says, not in the working directory
        Matcher m = Pattern.compile("crash report (\\S+hs_err_pid\\d+\\.log)").matcher(r.verdict().reason());
        assertThat(m.find()).as(r.verdict().reason()).isTrue();
        Path report = Path.of(m.group(1));
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("SIGSEGV");
        assertThat(Path.of("").toAbsolutePath().resolve(report.getFileName())).doesNotExist();
    }

    @Test
    void everyCombinationCrashingUnderAutoEndsInFp32() {
        Preflight.Result r = prove(autoOnBf16(), false, "bf16/channels_last:SIGKILL,bf16/contiguous:fail");

        assertThat(r.precision().precision()).isEqualTo(Precision.FP32);
        assertThat(r.verdict().fellBackFrom()).containsExactly("bf16 channels_last", "bf16 contiguous");
        assertThat(r.verdict().reason()).contains("bf16 channels_last crashed in a child JVM (SIGKILL",
                "bf16 contiguous failed in a child JVM (java.lang.IllegalStateException: test-only failure");
        assertThat(log.toString().lines()).singleElement().asString().endsWith("running fp32 contiguous instead");
        assertThat(r.childrenRun()).isEqualTo(3);

        // SIGKILL without a crash report is the out-of-memory killer or a user, not the combination: not kept
        Preflight.Result again = prove(autoOnBf16(), false, "bf16/channels_last:SIGKILL,bf16/contiguous:fail");
        assertThat(again.childrenRun()).isEqualTo(1);
        assertThat(again.precision().precision()).isEqualTo(Precision.FP32);
    }

    @Test
    void anExplicitCombinationThatCrashesIsRefusedWithOneLine() {
        assertThatThrownBy(() -> prove(List.of(PrecisionConfig.bf16()), true, "bf16/channels_last:SIGFPE"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("preflight: bf16 channels_last crashed in a child JVM (SIGFPE")
                .hasMessageContaining("an explicit --precision or --memory-format is not changed")
                .hasMessageNotContaining("\n");
        assertThat(log.toString()).isEmpty();
    }

    @Test
    void aVerdictIsCachedSoTheSecondCallStartsNoChild() throws Exception {
        List<PrecisionConfig> fp32 = List.of(PrecisionConfig.fp32());
        Preflight.Result first = prove(fp32, true, null);
        assertThat(first.childrenRun()).isEqualTo(1);
        assertThat(first.verdict().status()).isEqualTo(Preflight.PROVEN);
        try (var files = Files.list(cache)) {
            assertThat(files).singleElement().asString().endsWith(".json");
        }

        Preflight.Result second = prove(fp32, true, null);
        assertThat(second.childrenRun()).isZero();
        assertThat(second.verdict().status()).isEqualTo(Preflight.CACHED);
        assertThat(second.precision()).isEqualTo(first.precision());

        // a crash is kept too: the next run falls back at once, and says the verdict is an old one
        prove(autoOnBf16(), false, "bf16/channels_last:SIGSEGV");
        log.getBuffer().setLength(0);
        Preflight.Result again = prove(autoOnBf16(), false, "bf16/channels_last:SIGSEGV");
        assertThat(again.childrenRun()).isZero();
        assertThat(again.verdict().fellBackFrom()).containsExactly("bf16 channels_last");
        assertThat(log.toString()).contains("SIGSEGV", "verdict cached", cache.toString());
    }

    @Test
    void anotherMachineProvesAgain() {
        List<PrecisionConfig> fp32 = List.of(PrecisionConfig.fp32());
        prove(fp32, true, null);
        PreflightMachine other = new PreflightMachine("test engine", "another CPU", BF16_MACHINE.cpuFlags());
        Preflight.Result r = Preflight.prove(ComputeDevice.CPU, fp32, true, TINY, 2, other,
                new Preflight.Settings(cache, true, PreflightTestCrash.NONE), new PrintWriter(log, true));
        assertThat(r.childrenRun()).isEqualTo(1);
    }
}
