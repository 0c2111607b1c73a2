package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README "Use from Java", done as a user would: {@code mvn install} puts amdim4j into a (private)
 * local repository, and the separate Maven project in {@code examples/} depends on it, compiles and
 * runs both examples offline on images this test writes.
 *
 * <p>The install builds a copy of the project from the classes this very build compiled (pom.xml,
 * LICENSE, NOTICE and target/classes; compiling 200 classes a second time would only cost time) and
 * leaves out the all-in-one launcher jar ({@code -Dshade.skip=true}).
 */
class ExamplesTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final String PRETRAIN = "io.amdim4j.examples.PretrainFromJava";
    private static final String NEAREST = "io.amdim4j.examples.NearestNeighbours";
    private static final int UPDATES = 3;
    private static final int SIDE = 32;

    @TempDir
    static Path tmp;

    private static MavenRun maven;
    private static Path examples;
    private static List<String> classpath;

    @BeforeAll
    static void installAndCompile() throws Exception {
        Path project = MavenRun.copyOfThisProject(tmp.resolve("amdim4j"));
        maven = MavenRun.withPrivateRepository(tmp.resolve("repository"));
        maven.run(project, "install", "-Dmaven.test.skip=true", "-Dshade.skip=true", "-Dmaven.gitcommitid.skip=true");

        examples = tmp.resolve("examples");
        MavenRun.copyTree(MavenRun.basedir().resolve("examples"), examples);
        maven.run(examples, "compile", "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt");
        classpath = Arrays.asList(Files.readString(examples.resolve("classpath.txt")).trim().split(File.pathSeparator));
    }

    @AfterAll
    static void unlink() throws IOException {
        if (maven != null) {
            maven.unlinkSharedGroups();
        }
    }

    /** {@code java -cp target/classes:$(cat classpath.txt) MAIN ARGS}, as README "Use from Java" shows. */
    private static String runExample(String mainClass, Object... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String path = "target/classes" + File.pathSeparator + String.join(File.pathSeparator, classpath);
        List<String> command = new ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-cp", path, mainClass));
        Arrays.stream(args).map(String::valueOf).forEach(command::add);
        return ChildProcess.run(examples, command);
    }

    @Test
    void theInstalledArtefactIsThePlainJarWithTheLicence() throws IOException {
        Path dir = maven.repository().resolve("io/amdim4j/amdim4j/" + VERSION);
        Path jar = dir.resolve("amdim4j-" + VERSION + ".jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.getEntry("io/amdim4j/embed/EncoderTranslatorFactory.class")).isNotNull();
            assertThat(zip.getEntry("META-INF/LICENSE")).isNotNull();
            assertThat(zip.getEntry("META-INF/NOTICE")).isNotNull();
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")))
                    .as("classes of other projects in the jar").allMatch(n -> n.startsWith("io/amdim4j/"));
        }
        assertThat(Files.readString(dir.resolve("amdim4j-" + VERSION + ".pom"))).contains("<name>Apache-2.0</name>");
    }

    @Test
    void aDependentProjectGetsTheEngineAndNativesButNoCommandLineOrReportLibraries() {
        assertThat(classpath).anyMatch(p -> p.endsWith("amdim4j-" + VERSION + ".jar"))
                .anyMatch(p -> p.endsWith("api-0.36.0.jar"))
                .anyMatch(p -> p.endsWith("pytorch-engine-0.36.0.jar"))
                .anyMatch(p -> p.contains("pytorch-native-cpu-2.7.1-linux-x86_64.jar"))
                .noneMatch(p -> p.contains("picocli"))
                .noneMatch(p -> p.contains("jfreechart"));
        assertThat(classpath.stream().filter(p -> p.contains("slf4j-simple")))
                .as("only the example's own logging binding").hasSize(1);
    }

    @Test
    void pretrainingFromJavaPrintsProgressAndItsExportFindsNearDuplicates() throws Exception {
        Path images = tmp.resolve("images");
        Random random = new Random(3);
        for (int i = 0; i < 12; i++) {
            write(noise(random), images.resolve("train/class" + (i % 2) + "/img" + i + ".png"));
        }
        Path run = tmp.resolve("run");
        Path model = tmp.resolve("model");
        String pretrain = runExample(PRETRAIN, images, run, model, UPDATES);
        for (int step = 1; step <= UPDATES; step++) {
            assertThat(pretrain).containsPattern("update " + step + " \\(epoch 0\\): loss \\d+\\.\\d{4} \\{");
        }
        assertThat(pretrain).contains("stopped after " + UPDATES + " updates").contains("exported " + model);
        assertThat(model.resolve("serving.properties")).exists();

        // Two unrelated images and a barely changed copy of each: each copy is its original's nearest neighbour.
        Path photos = tmp.resolve("photos");
        BufferedImage speckle = noise(random);
        BufferedImage gradient = gradient();
        write(speckle, photos.resolve("a.png"));
        write(nudged(speckle, random), photos.resolve("a-copy.png"));
        write(gradient, photos.resolve("b.png"));
        write(nudged(gradient, random), photos.resolve("b-copy.png"));
        String nearest = runExample(NEAREST, model, photos);
        assertThat(nearest).contains("a.png -> a-copy.png (cosine ")
                .contains("a-copy.png -> a.png (cosine ")
                .contains("b.png -> b-copy.png (cosine ")
                .contains("b-copy.png -> b.png (cosine ");
    }

    private static BufferedImage noise(Random random) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static BufferedImage gradient() {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                image.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | 0x40);
            }
        }
        return image;
    }

    /** Each channel moved by at most 2 of 255. */
    private static BufferedImage nudged(BufferedImage source, Random random) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int rgb = source.getRGB(x, y);
                int out = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int channel = Math.min(255, Math.max(0, ((rgb >> shift) & 0xff) + random.nextInt(5) - 2));
                    out |= channel << shift;
                }
                image.setRGB(x, y, out);
            }
        }
        return image;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
