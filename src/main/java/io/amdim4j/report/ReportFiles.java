package io.amdim4j.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report wrote.
 *
 * @param html the page, {@code OUT/index.html}
 * @param figures the PNGs beside it, in page order
 */
public record ReportFiles(Path html, List<Figure> figures) {

    public ReportFiles {
        figures = List.copyOf(figures);
    }
}
