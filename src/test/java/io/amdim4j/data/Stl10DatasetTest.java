package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stl10DatasetTest {

    private static final int SIDE = Stl10Dataset.SIDE;

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(3);

    private List<RawImage> writeImages(String split, int count) throws IOException {
        List<RawImage> images = new ArrayList<>();
        List<byte[]> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RawImage image = FormatWriters.randomImage(random, 3, SIDE, SIDE);
            images.add(image);
            stored.add(FormatWriters.stlColumnMajor(image));
        }
        FormatWriters.write(dir.resolve(split + "_X.bin"), FormatWriters.concat(stored));
        return images;
    }

    /** Writes stored labels 1..10 and returns them. */
    private byte[] writeLabels(String split, int count) throws IOException {
        byte[] stored = new byte[count];
        for (int i = 0; i < count; i++) {
            stored[i] = (byte) (1 + random.nextInt(10));
        }
        FormatWriters.write(dir.resolve(split + "_y.bin"), stored);
        return stored;
    }

    @Test
    void transposesColumnMajorPlanes() throws IOException {
        // An asymmetric pattern written straight into the file: byte c·96·96 + x·96 + y is pixel (c, y, x).
        byte[] stored = new byte[Stl10Dataset.IMAGE_BYTES];
        stored[SIDE] = 7;                                 // c 0, x 1, y 0
        stored[1] = 9;                                    // c 0, x 0, y 1
        stored[SIDE * SIDE + 5 * SIDE + 2] = 42;          // c 1, x 5, y 2
        stored[2 * SIDE * SIDE + (SIDE - 1) * SIDE] = (byte) 200; // c 2, x 95, y 0
        FormatWriters.write(dir.resolve("test_X.bin"), stored);
        FormatWriters.write(dir.resolve("test_y.bin"), new byte[] {1});

        RawImage image = Stl10Dataset.open(dir, "test").get(0).image();

        assertThat(image.get(0, 0, 1)).isEqualTo(7);
        assertThat(image.get(0, 1, 0)).isEqualTo(9);
        assertThat(image.get(1, 2, 5)).isEqualTo(42);
        assertThat(image.get(2, 0, SIDE - 1)).isEqualTo(200);
        assertThat(image.get(2, SIDE - 1, 0)).isZero();
    }

    @Test
    void readsImagesAndShiftsLabelsToZeroBased() throws IOException {
        List<RawImage> images = writeImages("train", 3);
        byte[] stored = writeLabels("train", 3);

        Stl10Dataset train = Stl10Dataset.open(dir, "train");

        assertThat(train.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(train.get(i).image().pixels()).isEqualTo(images.get(i).pixels());
            assertThat(train.get(i).label()).isEqualTo(stored[i] - 1);
        }
        assertThat(train.classNames()).isEqualTo(Stl10Dataset.CLASSES);
    }

    @Test
    void trainPlusUnlabeledIsTheSpecPretrainingSplit() throws IOException {
        List<RawImage> train = writeImages("train", 2);
        byte[] stored = writeLabels("train", 2);
        List<RawImage> unlabeled = writeImages("unlabeled", 3);

        ImageDataset both = new DatasetSpec(DatasetFormat.STL10, dir).open(Split.parse("train+unlabeled"));

        assertThat(both.size()).isEqualTo(5);
        assertThat(both.get(1).image().pixels()).isEqualTo(train.get(1).pixels());
        assertThat(both.get(1).label()).isEqualTo(stored[1] - 1);
        for (int i = 0; i < 3; i++) {
            assertThat(both.get(2 + i).image().pixels()).isEqualTo(unlabeled.get(i).pixels());
            assertThat(both.get(2 + i).label()).isEqualTo(Sample.UNLABELLED);
        }
        assertThat(both.classNames()).isEqualTo(Stl10Dataset.CLASSES);
        assertThat(Stl10Dataset.open(dir, "unlabeled").classNames()).isEmpty();
    }

    @Test
    void classNamesFileIsUsed() throws IOException {
        writeImages("test", 1);
        writeLabels("test", 1);
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        Files.write(dir.resolve("class_names.txt"), names);
        assertThat(Stl10Dataset.open(dir, "test").classNames()).isEqualTo(names);
    }

    @Test
    void truncatedImageFileIsNamed() throws IOException {
        writeImages("test", 2);
        writeLabels("test", 2);
        Path x = dir.resolve("test_X.bin");
        FormatWriters.truncate(x, Files.size(x) - 1);
        assertThatThrownBy(() -> Stl10Dataset.open(dir, "test"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(x.toString()).hasMessageContaining("truncated")
                .hasMessageContaining(Stl10Dataset.IMAGE_BYTES + "-byte record");
    }

    @Test
    void labelCountMismatchIsNamed() throws IOException {
        writeImages("test", 2);
        writeLabels("test", 3);
        Path y = dir.resolve("test_y.bin");
        assertThatThrownBy(() -> Stl10Dataset.open(dir, "test"))
                .hasMessageContaining(y.toString()).hasMessageContaining("wrong size")
                .hasMessageContaining("3 labels").hasMessageContaining("2 images");
    }

    @Test
    void labelOutsideOneToTenIsNamed() throws IOException {
        writeImages("train", 2);
        Path y = FormatWriters.write(dir.resolve("train_y.bin"), new byte[] {3, 0});
        assertThatThrownBy(() -> Stl10Dataset.open(dir, "train"))
                .hasMessageContaining(y.toString()).hasMessageContaining("label 0 of image 1")
                .hasMessageContaining("1..10");
        FormatWriters.write(y, new byte[] {11, 1});
        assertThatThrownBy(() -> Stl10Dataset.open(dir, "train")).hasMessageContaining("label 11 of image 0");
    }

    @Test
    void missingUnlabeledFileIsNamed() throws IOException {
        writeImages("train", 1);
        writeLabels("train", 1);
        assertThatThrownBy(() -> new DatasetSpec(DatasetFormat.STL10, dir).open(Split.parse("train+unlabeled")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(dir.resolve("unlabeled_X.bin").toString()).hasMessageContaining("not found");
    }

    @Test
    void unknownSplitIsRejected() {
        assertThatThrownBy(() -> Stl10Dataset.open(dir, "val"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train, test and unlabeled");
    }
}
