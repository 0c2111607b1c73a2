package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunJson;
import org.junit.jupiter.api.Test;

class DataConfigTest {

    @Test
    void defaultsFollowSpecSplits() {
        DataConfig stl = DataConfig.defaults(DatasetSpec.parse("stl10:/data/stl10_binary"), 5);
        assertThat(stl.trainSplit()).isEqualTo(Split.parse("train+unlabeled"));
        assertThat(stl.testSplit()).isEqualTo(Split.TEST);
        assertThat(stl.dataset().format()).isEqualTo(DatasetFormat.STL10);
        assertThat(stl.seeds()).isEqualTo(new SeedStreams(5));
        assertThat(DataConfig.defaults(DatasetSpec.parse("cifar10:/d"), 1).trainSplit()).isEqualTo(Split.TRAIN);
    }

    @Test
    void rejectsMissingParts() {
        DatasetSpec cifar = DatasetSpec.parse("cifar10:/x");
        assertThatThrownBy(() -> new DataConfig(null, Split.TRAIN, Split.TEST, 0)).hasMessageContaining("dataset");
        assertThatThrownBy(() -> new DataConfig(cifar, null, Split.TEST, 0)).hasMessageContaining("trainSplit");
        assertThatThrownBy(() -> new DataConfig(cifar, Split.TRAIN, null, 0)).hasMessageContaining("testSplit");
    }

    @Test
    void configJsonKeepsTheCommandLineStrings() throws Exception {
        DataConfig data = new DataConfig(DatasetSpec.parse("stl10:/data/stl"), Split.parse("train+unlabeled"),
                Split.TEST, 3);
        JsonNode json = RunJson.mapper().valueToTree(data);
        assertThat(json.get("dataset").asText()).isEqualTo("stl10:/data/stl");
        assertThat(json.get("train_split").asText()).isEqualTo("train+unlabeled");
        assertThat(json.get("test_split").asText()).isEqualTo("test");
        assertThat(RunJson.mapper().treeToValue(json, DataConfig.class)).isEqualTo(data);
    }

    @Test
    void anOldConfigJsonReadsAsTheSameData() throws Exception {
        String old = "{\"dataset\": \"fashion-mnist\", \"train_split\": \"train\", \"test_split\": \"test\", \"seed\": 1}";
        DataConfig read = RunJson.mapper().readValue(old, DataConfig.class);
        assertThat(read).isEqualTo(DataConfig.defaults(DatasetSpec.atDefaultPath(DatasetFormat.FASHION_MNIST), 1));
        assertThat(RunJson.mapper().valueToTree(read).get("dataset").asText()).isEqualTo("fashion-mnist");
    }
}
