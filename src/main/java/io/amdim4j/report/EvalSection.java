package io.amdim4j.report;

import io.amdim4j.run.EvalTable;
import java.util.ArrayList;
import java.util.List;

/** The evaluation table of section 2: one line per method, protocol and label fraction of eval.json. */
final class EvalSection {

    private EvalSection() {}

    static void render(HtmlPage page, EvalTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (EvalTable.Row r : table.rows()) {
            rows.add(List.of(r.method(), r.featureSet(), r.protocol(), r.labels(), r.accuracy(),
                    Integer.toString(r.seeds())));
        }
        page.table(List.of("method", "features", "protocol", "labels", "test accuracy % (mean ± std)", "seeds"), rows,
                new boolean[] {false, false, false, true, true, true});
        if (!table.pending().isEmpty()) {
            page.note("Incomplete evaluation: " + String.join(", ", table.pending())
                    + " not evaluated yet (amdim eval was still running or was stopped).");
        }
    }
}
