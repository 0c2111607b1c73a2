package io.amdim4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** How fast the page shows: one cold load (new browser profile, empty cache) timed by the browser itself. */
public final class PageTiming {

    /** Guards against a page that never shows its grid; no measurement depends on it. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /**
     * Times of one load, from the start of navigation ({@code performance.now()} origin).
     *
     * @param firstContentfulPaintMillis when the browser first painted text or an image
     * @param gridShownMillis when the first page of thumbnails had all its images decoded
     */
    public record Times(double firstContentfulPaintMillis, double gridShownMillis) {}

    private PageTiming() {}

    /**
     * Loads the page at {@code uri} in a new headless Chromium and reads its paint timings.
     *
     * @throws IOException if the browser cannot start or the page never shows its grid
     */
    public static Times measure(Path chromium, URI uri) throws IOException, InterruptedException {
        try (HeadlessChromium browser = HeadlessChromium.launch(chromium, 1280, 900)) {
            browser.open(uri);
            browser.waitFor("window.gridShownAt", PATIENCE);
            JsonNode fcp = browser.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime");
            if (!fcp.isNumber()) {
                throw new IOException(uri + ": the browser recorded no first contentful paint");
            }
            return new Times(fcp.asDouble(), browser.evaluate("window.gridShownAt").asDouble());
        }
    }
}
