/**
 * The run directory and its files: layout, atomic writes (temporary file, fsync, rename), the lock
 * of a running process, the JSON mapper, {@code config.json}, {@code metrics.jsonl}, evaluation
 * reports and provenance. Imports no other amdim4j package. No type here is part of the API: the
 * public ones are public only because another amdim4j package calls them, and they may change
 * without notice.
 */
package io.amdim4j.run;
