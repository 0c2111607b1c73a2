package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link EngineThreads} reaches PyTorch's thread count of the calling thread. */
class EngineThreadsTest {

    @Test
    void aCountSetIsTheCountRead() {
        int before = EngineThreads.current();
        try {
            EngineThreads.set(1);
            assertThat(EngineThreads.current()).isEqualTo(1);
            EngineThreads.set(before + 1);
            assertThat(EngineThreads.current()).isEqualTo(before + 1);
        } finally {
            EngineThreads.set(before);
        }
        assertThat(EngineThreads.current()).isEqualTo(before);
    }

    @Test
    void fewerThanOneThreadIsRefused() {
        assertThatThrownBy(() -> EngineThreads.set(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }
}
