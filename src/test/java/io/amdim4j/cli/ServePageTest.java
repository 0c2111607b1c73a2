package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.Split;
import io.amdim4j.search.Neighbour;
import io.amdim4j.search.VectorIndex;
import io.amdim4j.serve.ApiServer;
import io.amdim4j.serve.HeadlessChromium;
import io.amdim4j.serve.ServedIndex;
import io.amdim4j.train.TinyRun;
import io.amdim4j.train.WithTinyRun;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The page in a real browser (headless Chromium, installed by run-tests; skipped without it): click a
 * thumbnail and the neighbours shown are the index's top k for that row; click a neighbour and the
 * page moves on to it. The last screenshot is kept as target/serve-page.png.
 */
class ServePageTest extends WithTinyRun {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int K = 4;
    private static final int CANDIDATES = 100;

    @Test
    void clickingAThumbnailShowsTheIndexsNearestRowsAndClickingANeighbourMovesOn() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(HeadlessChromium.DEFAULT_BINARY), "no " + HeadlessChromium.DEFAULT_BINARY);
        TinyServedIndex tiny = TinyServedIndex.get();
        try (ServedIndex served = ServedIndex.open(tiny.index(), DatasetSpec.parse(tiny.dataset()).open(Split.TEST),
                        null, CANDIDATES);
                ApiServer server = ApiServer.start(served, new ApiServer.Settings("127.0.0.1", 0, 4, 1 << 20, K));
                VectorIndex index = VectorIndex.open(tiny.index());
                HeadlessChromium browser = HeadlessChromium.launch(HeadlessChromium.DEFAULT_BINARY, 1280, 800)) {
            browser.open(server.uri());
            browser.waitFor("window.gridShownAt", PATIENCE);
            assertThat(browser.evaluate("document.querySelectorAll('#grid figure.thumb').length").asInt())
                    .isEqualTo(TinyRun.TEST_IMAGES);
            assertThat(browser.evaluate("document.querySelector('#grid figure[data-row=\"3\"] img').naturalWidth").asInt())
                    .isEqualTo(96);

            browser.evaluate("document.querySelector('#grid figure[data-row=\"3\"]').click()");
            browser.waitFor("document.querySelector('#query figure[data-row=\"3\"]')", PATIENCE);
            assertThat(shownNeighbours(browser)).isEqualTo(expected(index, 3));
            assertThat(browser.evaluate("document.querySelector('#grid figure.selected').dataset.row").asText()).isEqualTo("3");

            String next = browser.evaluate("document.querySelectorAll('#neighbours figure.hit')[1].dataset.row").asText();
            browser.evaluate("document.querySelectorAll('#neighbours figure.hit')[1].click()");
            browser.waitFor("document.querySelector('#query figure[data-row=\"" + next + "\"]')", PATIENCE);
            assertThat(shownNeighbours(browser)).isEqualTo(expected(index, Integer.parseInt(next)));
            browser.waitFor("[...document.images].every(i => i.complete && i.naturalWidth > 0)", PATIENCE);

            byte[] png = browser.screenshot();
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/serve-page.png"), png);
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(shot.getWidth()).isEqualTo(1280);
            assertThat(shot.getHeight()).isEqualTo(800);
        }
    }

    /** Row and cosine (4 decimals) of each neighbour figure, in the order shown. */
    private static List<String> shownNeighbours(HeadlessChromium browser) throws Exception {
        JsonNode shown = browser.evaluate("[...document.querySelectorAll('#neighbours figure.hit')]"
                + ".map(f => f.dataset.row + ' ' + Number(f.dataset.cosine).toFixed(4))");
        List<String> rows = new ArrayList<>();
        shown.forEach(n -> rows.add(n.asText()));
        return rows;
    }

    private static List<String> expected(VectorIndex index, int row) throws Exception {
        List<String> rows = new ArrayList<>();
        for (Neighbour n : index.search(index.vector(row), K, CANDIDATES)) {
            rows.add(n.row() + " " + String.format(java.util.Locale.ROOT, "%.4f", n.cosine()));
        }
        return rows;
    }
}
