package io.amdim4j.train;

import io.amdim4j.WithNDManager;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the tests that only read a finished tiny run ({@link TinyRun#shared()}): export, embed,
 * eval, search, finetune and the trained-encoder loader. JUnit runs this set-up before a subclass's.
 */
public abstract class WithTinyRun extends WithNDManager {

    /** {@link TinyRun#sharedRoot()}: {@code cifar/} holds the run's dataset. */
    protected static Path shared;

    /** The run, pre-trained once per test JVM. */
    protected static RunDirectory run;

    @BeforeAll
    static void openTinyRun() throws IOException {
        shared = TinyRun.sharedRoot();
        run = TinyRun.shared();
    }
}
