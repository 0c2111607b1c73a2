package io.amdim4j.embed;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What an embedding export wrote.
 *
 * @param npy the N×D float32 matrix; row r belongs to the image on line r of the index
 * @param index {@code row,index,label,class_name} for every row
 * @param csv the same matrix as text, if requested
 * @param rows N
 * @param dimension D
 * @param output which encoder output the rows hold
 */
public record EmbeddingFiles(Path npy, Path index, Optional<Path> csv, int rows, int dimension, EncoderOutput output) {}
