package io.amdim4j.run;

import java.util.List;
import java.util.Objects;

/**
 * What a reader of a run may ask of the configuration in its config.json without knowing its type.
 * The report sits below the training code and may not import it, so the configuration itself
 * ({@code train.TrainConfig}) names its key settings here, through its own accessors: renaming one
 * of its fields is then a compile error in that method, not a blank line in a report.
 */
public interface RunSettings {

    /**
     * One key setting, as shown to a person.
     *
     * @param label what it is, e.g. "batch size"
     * @param value its value as text, e.g. "64"
     */
    record Highlight(String label, String value) {

        /** Checks that both parts are present. */
        public Highlight {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }

        /**
         * A highlight of any value; lists print as {@code [1, 2]}.
         *
         * @param label what it is
         * @param value its value
         * @return the highlight
         */
        public static Highlight of(String label, Object value) {
            return new Highlight(label, String.valueOf(value));
        }
    }

    /**
     * The settings a reader looks for first, in a fixed order.
     *
     * @return label and value of each
     */
    List<Highlight> highlights();

    /**
     * The data set the run trained on, as a {@code --dataset} spec.
     *
     * @return e.g. {@code cifar10:/data/cifar-10-batches-bin}
     */
    String datasetSpec();
}
