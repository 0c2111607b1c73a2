package io.amdim4j.train;

import io.amdim4j.loss.LossTerm;
import io.amdim4j.loss.LossValues;
import java.util.List;
import java.util.stream.Collectors;

/** A NaN or infinite loss; training stops before the update that would spread it into the weights. */
final class NonFiniteLossException extends IllegalStateException {

    public NonFiniteLossException(String message) {
        super(message);
    }

    /**
     * The NaN guard's message: which term went non-finite at which update, every value, and where
     * to resume from.
     *
     * @param at where the run stood before the update, which is update {@code at.step() + 1}
     * @param losses what the update measured
     * @param lastGoodCheckpoint the newest checkpoint written or resumed from
     */
    public static NonFiniteLossException at(TrainingCursor at, LossValues losses, String lastGoodCheckpoint) {
        List<LossTerm> bad = losses.nonFinite();
        String culprit = bad.isEmpty()
                ? "the total is " + losses.total() + " though every term is finite"
                : bad.stream().map(t -> t.key() + " (" + t.symbol() + ") is " + losses.get(t))
                        .collect(Collectors.joining(", "));
        return new NonFiniteLossException(String.format(
                "loss is not finite at update %d (epoch %d, batch %d): %s [%s]; the weights were not updated."
                        + " Last good checkpoint: %s",
                at.step() + 1, at.epoch(), at.batch(), culprit, losses, lastGoodCheckpoint));
    }
}
