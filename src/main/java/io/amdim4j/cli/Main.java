package io.amdim4j.cli;

import io.amdim4j.run.Provenance;
import io.amdim4j.runtime.EngineLog;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the {@code amdim} command; the only place that calls {@code System.exit}. */
@Command(
        name = "amdim",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "AMDIM (Augmented Multiscale Deep InfoMax) self-supervised image representations.",
        subcommands = {QuickstartCommand.class, SummaryCommand.class, PretrainCommand.class, PresetsCommand.class, EvalCommand.class,
                EmbedCommand.class, ExportCommand.class, FinetuneCommand.class, IndexCommand.class, SearchCommand.class, ServeCommand.class, ReportCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /**
     * Set by the first command that loads the engine: quickstart runs pretrain and eval through
     * the same command line, which parses them without the --verbose the user gave.
     */
    private static final AtomicBoolean ENGINE_LOG_SET = new AtomicBoolean();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Also show the engine's (libtorch's) own warnings; its errors are always shown.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** Builds the command line; tests run commands through it without exiting the JVM. */
    static CommandLine commandLine() {
        Main main = new Main();
        return new CommandLine(main)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(parsed -> {
                    main.quietEngine(parsed);
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setExecutionExceptionHandler(Main::reportFailure)
                .setParameterExceptionHandler(Main::reportBadArguments);
    }

    /**
     * A bad option value or an unknown option: its one-line cause and where the options are described,
     * not picocli's default full usage (up to 125 lines) that scrolls the cause out of sight.
     */
    private static int reportBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        java.io.PrintWriter err = cl.getErr();
        err.println(qualifiedName(cl) + ": error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + qualifiedName(cl) + " --help' for its options.");
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Before a command that runs tensors, the engine's warnings are turned off unless --verbose:
     * libtorch prints them past Java's logging, on every command (see EngineLog).
     */
    private void quietEngine(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        boolean help = parsed.asCommandLineList().stream()
                .anyMatch(cl -> cl.isUsageHelpRequested() || cl.isVersionHelpRequested());
        if (!help && last.commandSpec().userObject() instanceof EngineCommand && ENGINE_LOG_SET.compareAndSet(false, true)) {
            EngineLog.setLevel(verbose ? EngineLog.WARNING : EngineLog.ERROR);
        }
    }

    /**
     * Bad input (a wrong option value, a damaged file, a NaN loss) is reported as one line that
     * names what is wrong, not as a stack trace; anything else is a bug and keeps its trace.
     */
    private static int reportFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                || e instanceof io.amdim4j.data.DatasetException) {
            cl.getErr().println(qualifiedName(cl) + ": error: " + e.getMessage());
            cl.getErr().flush();
            return 2;
        }
        throw new IllegalStateException(e);
    }

    /** "amdim bench data", not just "data". */
    private static String qualifiedName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName(" ");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"amdim4j " + Provenance.projectVersion()};
        }
    }
}
