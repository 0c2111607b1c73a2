package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as a browser renders it, through scripts/screenshot-report; skipped without Chromium. */
class ReportScreenshotTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCRIPT = Path.of("scripts/screenshot-report");
    /** The colour of the section headings' rule in the inline style sheet (#1f4e9c). */
    private static final int HEADING_RULE = 0x1f4e9c;

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void chromiumRendersThePageWithItsStyleAndFigures() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM);
        SyntheticRun run = SyntheticRun.write(tmp);
        new HtmlReport(run.fullReport(run.run.report())).write();
        Path shot = tmp.resolve("shot.png");
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), run.run.root().toString(), shot.toString(), "1280",
                "1600").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(1600);
        int rule = 0;
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                rule += rgb == HEADING_RULE ? 1 : 0;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
            }
        }
        // the inline CSS applied (a 2 px rule under a section heading) and the chart PNGs loaded (coloured curves)
        assertThat(rule).isGreaterThan(1000);
        assertThat(coloured).isGreaterThan(2000);
    }
}
