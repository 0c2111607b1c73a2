/**
 * {@code amdim serve}: a local web page and JSON API over a vector index ({@code search}) and the
 * dataset split it was embedded from. The JDK's own HTTP server answers; the page (HTML, CSS and a
 * little JavaScript) is served from the jar and loads nothing from the internet. Images are reached
 * by row number only, never by a path from the client.
 *
 * <p>Sits above {@code search}, {@code embed} and {@code report} and below {@code cli}. No type here
 * is part of the API: the public ones are public only because {@code cli} calls them.
 */
package io.amdim4j.serve;
