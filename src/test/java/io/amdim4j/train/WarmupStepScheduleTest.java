package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupStepScheduleTest {

    private final OptimConfig cifar = OptimConfig.forEpochs(300);
    private final WarmupStepSchedule schedule = new WarmupStepSchedule(cifar);

    @Test
    void cifarMilestonesAreTheSpecs() {
        assertThat(cifar.milestones()).containsExactly(250, 280);
        assertThat(OptimConfig.imagenetForEpochs(50).milestones()).containsExactly(30, 45);
        assertThat(OptimConfig.imagenetForEpochs(100).milestones()).containsExactly(60, 90);
    }

    @Test
    void warmUpIsLinearOverFiveHundredUpdates() {
        assertThat(schedule.lr(0, 0)).isCloseTo(2e-4 / 500, within(1e-15));
        assertThat(schedule.lr(249, 0)).isCloseTo(2e-4 * 250 / 500, within(1e-15));
        assertThat(schedule.lr(499, 3)).isCloseTo(2e-4, within(1e-15));
        assertThat(schedule.lr(500, 3)).isCloseTo(2e-4, within(1e-15));
    }

    @Test
    void stepDecayStartsAfterTheMilestoneEpoch() {
        assertThat(schedule.lr(100_000, 250)).isCloseTo(2e-4, within(1e-15));
        assertThat(schedule.lr(100_000, 251)).isCloseTo(2e-4 * 0.2, within(1e-15));
        assertThat(schedule.lr(100_000, 280)).isCloseTo(2e-4 * 0.2, within(1e-15));
        assertThat(schedule.lr(100_000, 281)).isCloseTo(2e-4 * 0.04, within(1e-15));
    }

    @Test
    void rejectsUnorderedMilestones() {
        assertThatThrownBy(() -> new OptimConfig(2e-4, 0.8, 0.999, 1e-8, 1e-5, 500, List.of(5, 3), 0.2))
                .hasMessageContaining("milestones");
        assertThatThrownBy(() -> new OptimConfig(0, 0.8, 0.999, 1e-8, 1e-5, 500, List.of(), 0.2))
                .hasMessageContaining("lr");
    }
}
