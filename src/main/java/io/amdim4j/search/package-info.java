/**
 * Similarity search over the output of {@code amdim embed}: an approximate nearest-neighbour index
 * (Apache Lucene's HNSW graph, cosine similarity) with each row's label and dataset position stored
 * beside its vector, exact brute-force search to measure it against, and near-duplicate pairs.
 *
 * <p>Sits above {@code report} (it reads the embedding files through {@link io.amdim4j.report.Embeddings})
 * and below {@code bench} and {@code cli}.
 */
package io.amdim4j.search;
