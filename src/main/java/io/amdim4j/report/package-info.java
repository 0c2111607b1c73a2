/**
 * The HTML report of a run directory ({@code amdim report}): training curves, evaluation tables,
 * embedding maps and nearest-neighbour galleries. Reads a run through {@code run} and imports no
 * training code. No type here is part of the API: the public ones are public only because another
 * amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.report;
