package io.amdim4j.report;

/**
 * One PNG of the report.
 *
 * @param file file name inside the report directory (linked relatively from index.html)
 * @param title what it shows, used as the caption and alt text
 * @param width pixels
 * @param height pixels
 */
public record Figure(String file, String title, int width, int height) {}
