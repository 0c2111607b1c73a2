/**
 * How the engine runs on this hardware. For now: the preflight, which proves a combination of
 * device, precision, memory format, encoder shape and batch size in a child JVM before a run commits
 * to it, falls back under {@code auto} when the child dies, and keeps every verdict in a cache.
 *
 * <p>Imports {@code model} (the encoder it proves) and {@code run} (atomic writes, the JSON mapper, the
 * verdict's record).
 *
 * <p>API: {@link io.amdim4j.runtime.Preflight} and {@link io.amdim4j.runtime.PreflightCombination}. The
 * other public types are internal: public only because another amdim4j package calls them, and they may
 * change without notice.
 */
package io.amdim4j.runtime;
