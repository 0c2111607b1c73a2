package io.amdim4j.dist;

/**
 * A failure that every process of the job detects at the same point (they disagree on the configuration,
 * their parameters differ, the run needs another number of processes), so each can report it and leave
 * the job normally: no process waits for another, and none needs to abort the others.
 */
public class JobWideException extends IllegalStateException {

    public JobWideException(String message) {
        super(message);
    }
}
