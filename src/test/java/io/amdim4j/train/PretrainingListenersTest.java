package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Java caller's own {@link PretrainListener}s, given through {@link Pretraining.Options}, hear the run. */
class PretrainingListenersTest {

    @TempDir
    Path runs;

    /** Records what it is told, as a Java user's progress printer would. */
    private static final class Recorder implements PretrainListener {
        final List<Long> steps = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();
        final List<Long> stops = new ArrayList<>();

        @Override
        public void onStep(TrainingCursor cursor, StepResult result, double lr, double pairsPerSecond) {
            steps.add(cursor.step());
            losses.add(result.loss());
        }

        @Override
        public void onStop(TrainingCursor cursor) {
            stops.add(cursor.step());
        }
    }

    @Test
    void everyListenerGivenHearsEveryUpdateAndTheStopInOrder() throws IOException {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        Pretraining.Options options = new Pretraining.Options(false, new PrintWriter(new StringWriter()))
                .withListener(first)
                .withListener(second);
        Path run = runs.resolve("run");

        Path cifar = TinyCifar.write(runs.resolve("cifar"), 8, 8, 11);
        Pretraining.start(PretrainingTest.tiny(cifar, 3, 1, false, 2e-3), run, options);

        assertThat(first.steps).containsExactly(1L, 2L, 3L);
        assertThat(first.stops).containsExactly(3L);
        List<Double> logged = MetricsLog.read(new RunDirectory(run).metrics(), false).stream()
                .filter(r -> r.kind().equals(MetricsRecord.STEP)).map(MetricsRecord::loss).toList();
        assertThat(first.losses).hasSize(3).isEqualTo(logged);
        assertThat(second.steps).isEqualTo(first.steps);
        assertThat(second.stops).isEqualTo(first.stops);
    }

    @Test
    void addingAListenerLeavesTheOriginalOptionsAlone() {
        Pretraining.Options plain = new Pretraining.Options(false, new PrintWriter(new StringWriter()), 5);
        Pretraining.Options more = plain.withListener(new Recorder());
        assertThat(plain.listeners()).isEmpty();
        assertThat(more.listeners()).hasSize(1);
        assertThat(more.budgetSeconds()).isEqualTo(5);
        assertThat(more.log()).isSameAs(plain.log());
    }
}
