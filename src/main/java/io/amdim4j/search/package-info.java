/**
 * Similarity search over the output of {@code amdim embed}: an approximate nearest-neighbour index
 * (Apache Lucene's HNSW graph, cosine similarity) with each row's label and dataset position stored
 * beside its vector, exact brute-force search to measure it against, and near-duplicate pairs.
 *
 * <p>Sits above {@code report} (it reads the embedding files through {@link io.amdim4j.report.Embeddings})
 * and below {@code bench} and {@code cli}.
 *
 * <p>API: {@link io.amdim4j.search.VectorIndex}, {@link io.amdim4j.search.HnswSettings},
 * {@link io.amdim4j.search.Neighbour}, {@link io.amdim4j.search.ExactSearch} and
 * {@link io.amdim4j.search.NearDuplicates}. The other public types are internal: public only because
 * another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.search;
