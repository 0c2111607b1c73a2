package io.amdim4j.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The evaluation table of section 2: one line per method, protocol and label fraction. */
final class EvalSection {

    private EvalSection() {}

    static void render(HtmlPage page, EvalTable table) {
        boolean percent = table.fractions();
        String accuracy = percent ? "test accuracy % (mean ± std)" : "test accuracy (mean ± std)";
        List<List<String>> rows = new ArrayList<>();
        for (EvalTable.Result r : table.rows()) {
            rows.add(List.of(orBlank(r.method()), orBlank(r.featureSet()), orBlank(r.protocol()),
                    r.labelFraction() == null ? "" : fraction(r.labelFraction()), accuracy(r, percent),
                    r.seeds() == null ? "" : Integer.toString(r.seeds())));
        }
        page.table(List.of("method", "features", "protocol", "labels", accuracy, "seeds"), rows,
                new boolean[] {false, false, false, true, true, true});
        if (!table.pending().isEmpty()) {
            page.note("Incomplete evaluation: " + String.join(", ", table.pending())
                    + " not evaluated yet (amdim eval was still running or was stopped).");
        }
    }

    /** "91.23 ± 0.45" (percent) or the values as written when they are not fractions. */
    static String accuracy(EvalTable.Result r, boolean percent) {
        double scale = percent ? 100 : 1;
        String mean = String.format(Locale.ROOT, "%.2f", scale * r.mean());
        return r.std() == null ? mean : mean + String.format(Locale.ROOT, " ± %.2f", scale * r.std());
    }

    /** A label fraction as a percentage without trailing zeros: 1.0 → "100%", 0.01 → "1%", 0.005 → "0.5%". */
    static String fraction(double f) {
        return new BigDecimal(Double.toString(f)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }
}
