/**
 * Evaluation of frozen encoders (spec §6): batch-norm re-estimation, feature extraction that scores
 * each test image exactly once, and the linear, MLP and k-NN protocols with their baselines (random
 * initialisation, raw pixels). No type here is part of the API: the public ones are public only
 * because another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.eval;
