/**
 * Benchmarks of the command-line tool ({@code amdim bench}): the data loader, one training step,
 * and vector search, each writing a JSON report. No type here is part of the API: the public ones
 * are public only because another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.bench;
