/**
 * The preflight: before a run commits to a combination of device, precision, memory format, encoder
 * shape and batch size, one forward and backward of exactly that encoder runs in a child JVM, so a native
 * crash of the engine (a signal, an abort) costs a child process instead of the user's JVM. Under
 * {@code auto} a combination that dies falls back (bf16 channels-last, bf16 contiguous, fp32) with one
 * line saying what crashed; an explicit request that dies is refused. Every verdict is kept in a cache,
 * so a proven combination costs nothing the next time.
 *
 * <p>It sits one layer above {@code runtime} and {@code model} because it builds the encoder it proves;
 * {@code runtime} decides how the engine runs, this package proves that it does. Imports {@code runtime},
 * {@code model} and {@code run}.
 *
 * <p>API: {@link io.amdim4j.preflight.Preflight} and {@link io.amdim4j.preflight.PreflightCombination}. The
 * other public types are internal: public only because another amdim4j package calls them, and they may
 * change without notice.
 */
package io.amdim4j.preflight;
