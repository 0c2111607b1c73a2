package io.amdim4j.train;

/** A NaN or infinite loss; training stops before the update that would spread it into the weights. */
public final class NonFiniteLossException extends IllegalStateException {

    public NonFiniteLossException(String message) {
        super(message);
    }
}
