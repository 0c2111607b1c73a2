package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {

    @TempDir
    Path root;

    private final SplittableRandom random = new SplittableRandom(4);

    private RawImage writePng(String relative) throws IOException {
        RawImage image = FormatWriters.randomImage(random, 3, 6, 9);
        FormatWriters.write(root.resolve(relative), FormatWriters.encode(image, "png"));
        return image;
    }

    @Test
    void labelledFoldersSortClassesAndFilesByName() throws IOException {
        Map<String, RawImage> written = new LinkedHashMap<>();
        // Created out of order; classes and files must come back sorted.
        for (String name : List.of("dog/b.png", "cat/z.PNG", "dog/a.png", "ant/x.png", "cat/sub/y.png")) {
            written.put(name, writePng(name));
        }
        Files.writeString(root.resolve("dog/notes.txt"), "not an image");
        writePng("dog/.hidden.png");
        writePng("loose.png"); // directly in the root: belongs to no class

        ImageFolderDataset dataset = ImageFolderDataset.labelled(root, ImageDecoder.rgb());

        assertThat(dataset.classNames()).containsExactly("ant", "cat", "dog");
        List<String> expectedOrder = List.of("ant/x.png", "cat/sub/y.png", "cat/z.PNG", "dog/a.png", "dog/b.png");
        List<Integer> expectedLabels = List.of(0, 1, 1, 2, 2);
        assertThat(dataset.size()).isEqualTo(expectedOrder.size());
        for (int i = 0; i < expectedOrder.size(); i++) {
            Sample sample = dataset.get(i);
            assertThat(sample.image().pixels()).as(expectedOrder.get(i))
                    .isEqualTo(written.get(expectedOrder.get(i)).pixels());
            assertThat(sample.label()).isEqualTo(expectedLabels.get(i));
            assertThat(dataset.label(i)).isEqualTo(expectedLabels.get(i));
        }
    }

    @Test
    void grayscaleFilesBecomeThreeChannels() throws IOException {
        RawImage gray = FormatWriters.randomImage(random, 1, 5, 5);
        FormatWriters.write(root.resolve("a/g.png"), FormatWriters.encode(gray, "png"));
        writePng("a/rgb.png");

        ImageFolderDataset dataset = ImageFolderDataset.labelled(root, ImageDecoder.rgb());

        RawImage decoded = dataset.get(0).image();
        assertThat(decoded.channels()).isEqualTo(3);
        assertThat(decoded.get(2, 4, 1)).isEqualTo(gray.get(0, 4, 1));
        assertThat(dataset.get(1).image().channels()).isEqualTo(3);
    }

    @Test
    void jpegKeepsItsSize() throws IOException {
        FormatWriters.write(root.resolve("a/p.jpeg"),
                FormatWriters.encode(FormatWriters.randomImage(random, 3, 11, 13), "jpg"));
        RawImage image = ImageFolderDataset.labelled(root, ImageDecoder.rgb()).get(0).image();
        assertThat(image.height()).isEqualTo(11);
        assertThat(image.width()).isEqualTo(13);
    }

    @Test
    void unlabelledFolderTakesEveryImage() throws IOException {
        RawImage b = writePng("b.png");
        RawImage a = writePng("a.jpg.png");
        RawImage c = writePng("nested/c.png");

        ImageFolderDataset dataset = ImageFolderDataset.unlabelled(root, ImageDecoder.rgb());

        assertThat(dataset.size()).isEqualTo(3);
        assertThat(dataset.classNames()).isEmpty();
        assertThat(dataset.get(0).image().pixels()).isEqualTo(a.pixels());
        assertThat(dataset.get(1).image().pixels()).isEqualTo(b.pixels());
        assertThat(dataset.get(2).image().pixels()).isEqualTo(c.pixels());
        for (int i = 0; i < 3; i++) {
            assertThat(dataset.get(i).label()).isEqualTo(Sample.UNLABELLED);
        }
    }

    @Test
    void followsSymlinkedClassFolders(@TempDir Path elsewhere) throws IOException {
        RawImage image = FormatWriters.randomImage(random, 3, 2, 3);
        FormatWriters.write(elsewhere.resolve("cat/a.png"), FormatWriters.encode(image, "png"));
        Files.createSymbolicLink(root.resolve("cat"), elsewhere.resolve("cat"));

        ImageFolderDataset dataset = ImageFolderDataset.labelled(root, ImageDecoder.rgb());

        assertThat(dataset.classNames()).containsExactly("cat");
        assertThat(dataset.get(0).image().pixels()).isEqualTo(image.pixels());
    }

    @Test
    void missingFolderIsNamed() {
        Path missing = root.resolve("nope");
        assertThatThrownBy(() -> ImageFolderDataset.labelled(missing, ImageDecoder.rgb()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("not found");
    }

    @Test
    void emptyClassFolderIsNamed() throws IOException {
        writePng("cat/a.png");
        Files.createDirectories(root.resolve("dog"));
        Files.writeString(root.resolve("dog/readme.txt"), "no images here");
        assertThatThrownBy(() -> ImageFolderDataset.labelled(root, ImageDecoder.rgb()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(root.resolve("dog").toString()).hasMessageContaining("no .jpg, .jpeg or .png");
    }

    @Test
    void folderWithoutImagesIsAnError() throws IOException {
        Files.writeString(root.resolve("readme.txt"), "x");
        assertThatThrownBy(() -> ImageFolderDataset.unlabelled(root, ImageDecoder.rgb()))
                .hasMessageContaining(root.toString()).hasMessageContaining("no .jpg");
        assertThatThrownBy(() -> ImageFolderDataset.labelled(root, ImageDecoder.rgb()))
                .hasMessageContaining(root.toString()).hasMessageContaining("no class folders");
    }

    @Test
    void undecodableImageIsNamedWhenRead() throws IOException {
        writePng("cat/good.png");
        Path bad = FormatWriters.write(root.resolve("cat/zz-bad.jpg"), "this is no JPEG".getBytes());
        ImageFolderDataset dataset = ImageFolderDataset.labelled(root, ImageDecoder.rgb());
        assertThat(dataset.get(0).image().width()).isEqualTo(9);
        assertThatThrownBy(() -> dataset.get(1))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("not a decodable image");
    }

    @Test
    void truncatedImageIsNamedWhenRead() throws IOException {
        writePng("cat/a.png");
        Path cut = root.resolve("cat/a.png");
        FormatWriters.truncate(cut, Files.size(cut) / 2);
        ImageFolderDataset dataset = ImageFolderDataset.labelled(root, ImageDecoder.rgb());
        assertThatThrownBy(() -> dataset.get(0))
                .isInstanceOf(DatasetException.class).hasMessageContaining(cut.toString());
    }

    @Test
    void fileDeletedAfterListingIsNamed() throws IOException {
        writePng("cat/a.png");
        ImageFolderDataset dataset = ImageFolderDataset.labelled(root, ImageDecoder.rgb());
        Files.delete(root.resolve("cat/a.png"));
        assertThatThrownBy(() -> dataset.get(0))
                .hasMessageContaining(root.resolve("cat/a.png").toString()).hasMessageContaining("cannot read");
    }
}
