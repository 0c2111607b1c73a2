/**
 * Supervised fine-tuning on a share of the labels ({@code amdim finetune}): the pre-trained encoder
 * with a fresh classifier head, early stopping on a held-out split, and as baselines the same network
 * from random initialisation and the frozen encoder's probes, all scored once on the test split.
 *
 * <p>API: {@link io.amdim4j.finetune.FineTuning}, {@link io.amdim4j.finetune.FinetuneConfig} and
 * {@link io.amdim4j.finetune.FinetuneJson}. The other public types are internal: public only because another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.finetune;
