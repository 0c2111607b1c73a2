/**
 * The command-line tool ({@code amdim}): picocli commands that turn options into config records and
 * call one entry method each. Only this package knows picocli and only {@link io.amdim4j.cli.Main}
 * calls {@code System.exit}. No type here is part of the API; {@link io.amdim4j.cli.Main} is public
 * as the jar's entry point.
 */
package io.amdim4j.cli;
