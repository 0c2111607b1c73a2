package io.amdim4j.cli;

/**
 * A command that runs tensors. Before it starts, {@link Main} loads the engine and sets the
 * threshold of its native log, so that libtorch's warnings stay off the terminal without
 * --verbose; commands that never touch the engine (summary, report, help) do not load it.
 */
interface EngineCommand {}
