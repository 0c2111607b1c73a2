package io.amdim4j;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that create engine arrays: a fresh base manager for every test, closed after
 * it, so native memory never outlives the test that made it. JUnit runs this class's set-up before
 * a subclass's own and its tear-down after.
 */
public abstract class WithNDManager {

    /** Owner of the current test's arrays. */
    protected NDManager manager;

    @BeforeEach
    final void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    final void closeManager() {
        manager.close();
    }
}
