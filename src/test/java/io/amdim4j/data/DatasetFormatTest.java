package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.data.DatasetFormat.ImageFamily;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every format's facts, one row each: what the readers store and what spec §5.2 trains on. */
class DatasetFormatTest {

    @ParameterizedTest
    @CsvSource({
        "fashion-mnist,   GRAYSCALE_28, 28, 1, true,  train",
        "mnist,           GRAYSCALE_28, 28, 1, false, train",
        "cifar10,         CIFAR_32,     32, 3, true,  train",
        "cifar100,        CIFAR_32,     32, 3, true,  train",
        "cifar100-coarse, CIFAR_32,     32, 3, true,  train",
        "stl10,           STL_96,       96, 3, true,  train+unlabeled",
        "folder,          ANY_SIZE,      0, 3, true,  train",
        "tar,             ANY_SIZE,      0, 3, true,  train"})
    void factsOfEveryFormat(String name, ImageFamily family, int side, int channels, boolean flip, String train) {
        DatasetFormat format = DatasetFormat.fromCliName(name);
        assertThat(format.cliName()).isEqualTo(name);
        assertThat(format.family()).isEqualTo(family);
        assertThat(format.imageSide()).isEqualTo(side == 0 ? OptionalInt.empty() : OptionalInt.of(side));
        assertThat(format.channels()).isEqualTo(channels);
        assertThat(format.mirrorKeepsClass()).isEqualTo(flip);
        assertThat(format.defaultTrainSplit()).isEqualTo(Split.parse(train));
        assertThat(format.defaultTestSplit()).isEqualTo(Split.TEST);
    }

    @Test
    void theStoredSidesAreTheReaders() {
        assertThat(DatasetFormat.CIFAR10.imageSide()).hasValue(CifarBinaryDataset.SIDE);
        assertThat(DatasetFormat.STL10.imageSide()).hasValue(Stl10Dataset.SIDE);
    }

    @Test
    void onlyFashionMnistHasADefaultPath() {
        for (DatasetFormat format : DatasetFormat.values()) {
            assertThat(format.defaultPath().isPresent()).as(format.cliName())
                    .isEqualTo(format == DatasetFormat.FASHION_MNIST);
        }
        assertThat(DatasetFormat.FASHION_MNIST.defaultPath()).hasValue(IdxDataset.FASHION_MNIST_DEFAULT_DIR);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> DatasetFormat.fromCliName("svhn"))
                .hasMessageContaining("'svhn'").hasMessageContaining("cifar100-coarse").hasMessageContaining("tar");
    }
}
