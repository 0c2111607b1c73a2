/**
 * Pre-training (spec §7): the entry points that start or resume a run in a run directory, the loop
 * of updates (two forward passes, the loss, Adam with coupled L2 and the warm-up and step schedule),
 * checkpoints that resume bit for bit, and the listeners that write metrics, checkpoints and progress.
 * A program's own {@link io.amdim4j.train.PretrainListener} receives plain numbers after every update.
 *
 * <p>API: {@link io.amdim4j.train.TrainConfig}, {@link io.amdim4j.train.OptimConfig},
 * {@link io.amdim4j.train.Pretraining}, {@link io.amdim4j.train.PretrainListener},
 * {@link io.amdim4j.train.StepResult}, {@link io.amdim4j.train.TrainingCursor},
 * {@link io.amdim4j.train.ProbeAccuracy} and {@link io.amdim4j.train.TrainedEncoder}. The other public types are internal: public only because another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.train;
