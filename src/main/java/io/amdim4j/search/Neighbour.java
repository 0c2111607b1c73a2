package io.amdim4j.search;

/**
 * One search result.
 *
 * @param row the matrix row of {@code embeddings.npy} (and line of {@code index.csv})
 * @param index the image's position in the embedded dataset split
 * @param label its class index, or −1 when unlabelled
 * @param className its class name, empty when unknown
 * @param cosine cosine similarity to the query, in [−1, 1]
 */
public record Neighbour(int row, int index, int label, String className, double cosine) {}
