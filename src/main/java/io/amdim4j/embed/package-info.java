/**
 * Using a trained encoder: exporting it as a directory that DJL's {@code Criteria} loads in one
 * call, the translator factory that turns an image into its representation, and streaming a
 * dataset's embeddings to {@code .npy} and CSV files.
 *
 * <p>API: {@link io.amdim4j.embed.ModelExporter}, {@link io.amdim4j.embed.EncoderOutput} and
 * {@link io.amdim4j.embed.EncoderTranslatorFactory}. The other public types are internal: public only because another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.embed;
