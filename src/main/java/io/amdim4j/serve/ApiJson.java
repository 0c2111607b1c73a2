package io.amdim4j.serve;

import io.amdim4j.search.NearDuplicates;
import io.amdim4j.search.Neighbour;
import java.util.List;

/** The JSON bodies of the API (written snake_case by {@code RunJson}); the page reads the same fields. */
final class ApiJson {

    private ApiJson() {}

    /** {@code GET /api/info}. */
    record Info(int rows, int dimension, String index, String dataset, List<LabelCount> labels, boolean upload,
            long uploadLimitBytes, int k, int candidates) {}

    /** One label of the collection and how many rows carry it (label −1: unlabelled). */
    record LabelCount(int label, String className, int rows) {}

    /** One row as the index stores it. */
    record Row(int row, int index, int label, String className) {
        static Row of(Neighbour n) {
            return new Row(n.row(), n.index(), n.label(), n.className());
        }
    }

    /** {@code GET /api/rows}: one page of the grid. */
    record Page(int total, int offset, List<Row> rows) {}

    /** {@code GET|POST /api/search}: the query row (absent for an uploaded image) and its nearest rows. */
    record Search(Row query, int k, List<Neighbour> neighbours) {}

    /** {@code GET /api/duplicates}. */
    record Duplicates(double threshold, int perRow, int total, List<NearDuplicates.Pair> pairs) {}

    /** Every error. */
    record Error(int status, String message) {}
}
