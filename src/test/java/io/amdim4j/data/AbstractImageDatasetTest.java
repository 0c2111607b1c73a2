package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbstractImageDatasetTest {

    /** Three blank images; only the bookkeeping of the base class is under test. */
    private static final class Three extends AbstractImageDataset {
        Three(String description, List<String> classNames) {
            super(description, classNames);
        }

        @Override
        public int size() {
            return 3;
        }

        @Override
        public Sample get(int index) {
            return new Sample(new RawImage(1, 1, 1, new byte[1]), 0);
        }
    }

    @Test
    void describesWithTheCountAndKeepsItsOwnCopyOfTheClassNames() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        Three dataset = new Three("toy (/nowhere)", names);
        names.add("c");
        assertThat(dataset.describe()).isEqualTo("toy (/nowhere), 3 images");
        assertThat(dataset.description()).isEqualTo("toy (/nowhere)");
        assertThat(dataset.classNames()).containsExactly("a", "b");
        assertThatThrownBy(() -> dataset.classNames().add("d")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Three(null, List.of())).hasMessageContaining("description");
    }
}
