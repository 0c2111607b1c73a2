package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BusyNeighbourTest {

    @Test
    void spinsUntilClosedAndThenIsGone() {
        BusyNeighbour neighbour = BusyNeighbour.start(Duration.ofMinutes(10));
        assertThat(neighbour.isRunning()).isTrue();
        neighbour.close();
        assertThat(neighbour.isRunning()).isFalse();
        neighbour.close(); // closing twice is harmless
    }

    @Test
    void stopsByItselfAtItsLimitWhenNobodyClosesIt() throws InterruptedException {
        try (BusyNeighbour neighbour = BusyNeighbour.start(Duration.ZERO)) {
            for (int i = 0; i < 600 && neighbour.isRunning(); i++) {
                Thread.sleep(100); // a loaded machine may take a while to schedule the thread at all
            }
            assertThat(neighbour.isRunning()).isFalse();
        }
    }
}
