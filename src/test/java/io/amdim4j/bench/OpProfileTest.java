package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpProfileTest {

    @TempDir
    Path dir;

    private static String event(String name, double ts, double dur, int tid) {
        return String.format(java.util.Locale.ROOT,
                "{\"name\":\"%s\",\"ph\":\"X\",\"ts\":%.1f,\"dur\":%.1f,\"tid\":%d,\"pid\":\"CPU Functions\"}",
                name, ts, dur, tid);
    }

    @Test
    void nestedCallsCountOnlyInsideTheirTopLevelOperation() throws IOException {
        // conv2d [0, 100) calls mkldnn [10, 90), which calls empty [20, 21); then add [100, 105), conv2d [200, 250)
        String trace = "[" + String.join(",",
                event("aten::conv2d", 0, 100, 1),
                event("aten::mkldnn_convolution", 10, 80, 1),
                event("aten::empty", 20, 1, 1),
                event("aten::add", 100, 5, 1),
                event("aten::conv2d", 200, 50, 1),
                event("aten::relu", 30, 10, 2),          // another thread: top-level there
                "{\"name\":\"marker\",\"ph\":\"i\",\"ts\":5}") + "]";
        Path file = Files.writeString(dir.resolve("trace.json"), trace);
        OpProfile p = OpProfile.read(file);
        assertThat(p.totalMicros()).isCloseTo(165, within(1e-9));
        assertThat(p.entries()).extracting(OpProfile.Entry::name).containsExactly("aten::conv2d", "aten::relu",
                "aten::add");
        OpProfile.Entry conv = p.entries().get(0);
        assertThat(conv.micros()).isCloseTo(150, within(1e-9));
        assertThat(conv.calls()).isEqualTo(2);
        assertThat(p.share(conv)).isCloseTo(150.0 / 165, within(1e-12));
        assertThat(p.top(1)).containsExactly(conv);
    }

    @Test
    void anObjectWithTraceEventsIsReadToo() throws IOException {
        Path file = Files.writeString(dir.resolve("t.json"), "{\"traceEvents\":[" + event("aten::mm", 0, 7, 1) + "]}");
        assertThat(OpProfile.read(file).totalMicros()).isCloseTo(7, within(1e-9));
    }

    @Test
    void somethingElseIsAnErrorNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-trace.json"), "{\"a\":1}");
        assertThatThrownBy(() -> OpProfile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not-a-trace.json");
    }
}
