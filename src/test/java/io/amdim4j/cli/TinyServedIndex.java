package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.train.TinyRun;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tiny run's test split embedded, indexed and its encoder exported, through the commands a user
 * types, once per test JVM: what {@code amdim serve}'s tests serve.
 *
 * @param dataset the {@code --dataset} text ({@code --split test})
 * @param index the index directory
 * @param model the exported r1 encoder that made it
 */
record TinyServedIndex(String dataset, Path index, Path model) {

    private static TinyServedIndex built;

    static synchronized TinyServedIndex get() throws IOException {
        if (built == null) {
            Path root = TinyRun.sharedRoot();
            String dataset = "cifar10:" + root.resolve("cifar");
            Path run = TinyRun.shared().root();
            Path emb = root.resolve("serve-emb");
            Path index = root.resolve("serve-index");
            Path model = root.resolve("serve-r1");
            expectOk(CliRunner.run("embed", "--run-dir", run.toString(), "--dataset", dataset, "--out", emb.toString(),
                    "--no-progress"));
            expectOk(CliRunner.run("export", "--run-dir", run.toString(), "--out", model.toString()));
            expectOk(CliRunner.run("index", "--embeddings", emb.toString(), "--out", index.toString()));
            built = new TinyServedIndex(dataset, index, model);
        }
        return built;
    }

    static CliRunner expectOk(CliRunner r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }
}
