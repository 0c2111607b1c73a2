package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The threshold of libtorch's native log is libc10's variable, which this process can read back. */
class EngineLogTest {

    @Test
    void theLevelIsLibtorchsOwnVariable() {
        int before = EngineLog.level().orElseThrow();
        try {
            assertThat(EngineLog.setLevel(EngineLog.ERROR)).isTrue();
            assertThat(EngineLog.level()).hasValue(EngineLog.ERROR);
            assertThat(EngineLog.setLevel(EngineLog.WARNING)).isTrue();
            assertThat(EngineLog.level()).hasValue(EngineLog.WARNING);
        } finally {
            EngineLog.setLevel(before);
        }
    }

    @Test
    void aLevelOutsideC10sIsRefused() {
        assertThatThrownBy(() -> EngineLog.setLevel(3)).hasMessageContaining("0 to 2").hasMessageContaining("3");
        assertThatThrownBy(() -> EngineLog.setLevel(-1)).hasMessageContaining("-1");
    }
}
