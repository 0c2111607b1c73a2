/**
 * The batch pipeline between datasets and the engine: loader threads that decode and augment images
 * into host batches (two views per image for pre-training, the test transform for evaluation) in a
 * fixed order that does not depend on the thread count. No type here is part of the API: the public
 * ones are public only because another amdim4j package calls them, and they may change without
 * notice.
 */
package io.amdim4j.pipeline;
