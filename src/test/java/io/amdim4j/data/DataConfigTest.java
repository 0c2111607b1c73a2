package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataConfigTest {

    @Test
    void defaultsFollowSpecSplits() {
        DataConfig stl = DataConfig.defaults("stl10:/data/stl10_binary", 5);
        assertThat(stl.trainSplit()).isEqualTo("train+unlabeled");
        assertThat(stl.testSplit()).isEqualTo("test");
        assertThat(stl.spec().scheme()).isEqualTo(DatasetSpec.Scheme.STL10);
        assertThat(stl.seeds()).isEqualTo(new SeedStreams(5));
        assertThat(DataConfig.defaults("cifar10:/d", 1).trainSplit()).isEqualTo("train");
    }

    @Test
    void rejectsBadDatasetOrBlankSplits() {
        assertThatThrownBy(() -> new DataConfig("nope:/x", "train", "test", 0)).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> new DataConfig("cifar10:/x", " ", "test", 0)).hasMessageContaining("trainSplit");
        assertThatThrownBy(() -> new DataConfig("cifar10:/x", "train", "", 0)).hasMessageContaining("testSplit");
    }
}
