package io.amdim4j.preflight;

import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.runtime.Precision;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.run.PreflightVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Proves a precision and memory format on this machine before a run commits to it: one forward and
 * backward pass of exactly the run's encoder, at its batch size, in a child JVM ({@link PreflightChild}),
 * so that a native crash of the engine (oneDNN's bf16 kernels on some CPUs die by SIGFPE) takes down
 * the child and not the run, nor a Java service that embeds the library.
 *
 * <p>Under {@code --precision auto} and {@code --memory-format auto} a combination that crashes or
 * fails falls back, in order, bf16 channels-last → bf16 contiguous → fp32, with one line naming what
 * crashed and what runs instead. An explicit precision or memory format is not changed: if it does not
 * run, {@link #prove} throws with that line. Every verdict is kept in a cache ({@link #cacheDir}), so a
 * proven combination costs nothing the next time.
 *
 * <p>Settings, read from system properties first, then the environment: the cache directory
 * ({@value #CACHE_PROPERTY}, {@value #CACHE_ENV}; default {@code $XDG_CACHE_HOME/amdim4j/preflight} or
 * {@code ~/.cache/amdim4j/preflight}), {@value #MODE_PROPERTY} / {@value #MODE_ENV} = {@code off} to skip
 * the child (the configuration then runs unproven) and, for tests only, {@value #TEST_CRASH_PROPERTY} /
 * {@value #TEST_CRASH_ENV} ({@link PreflightTestCrash}).
 */
public final class Preflight {

    /** System property of the cache directory. */
    public static final String CACHE_PROPERTY = "amdim4j.preflight.cache";
    /** Environment variable of the cache directory. */
    public static final String CACHE_ENV = "AMDIM_PREFLIGHT_CACHE";
    /** System property that switches the preflight {@code on} (default) or {@code off}. */
    public static final String MODE_PROPERTY = "amdim4j.preflight";
    /** Environment variable that switches the preflight {@code on} (default) or {@code off}. */
    public static final String MODE_ENV = "AMDIM_PREFLIGHT";
    /** Test-only system property: combinations whose child dies by a signal ({@link PreflightTestCrash}). */
    public static final String TEST_CRASH_PROPERTY = "amdim4j.preflight.test-crash";
    /** Test-only environment variable with the same meaning as {@link #TEST_CRASH_PROPERTY}. */
    public static final String TEST_CRASH_ENV = "AMDIM_PREFLIGHT_TEST_CRASH";

    /** Verdict status: a child proved the combination just now. */
    public static final String PROVEN = "proven";
    /** Verdict status: an earlier proof on this machine, from the cache. */
    public static final String CACHED = "cached";
    /** Verdict status: the preflight is off; the combination runs unproven. */
    public static final String SKIPPED = "skipped";

    /**
     * What the preflight decided.
     *
     * @param precision the precision and memory format to run
     * @param verdict how they were proven and what fell back, for config.json and the benchmark JSON
     * @param childrenRun child JVMs started for this decision (0 when every verdict came from the cache)
     */
    public record Result(PrecisionConfig precision, PreflightVerdict verdict, int childrenRun) {}

    /**
     * Where and how the preflight runs.
     *
     * @param cacheDir the verdicts' directory
     * @param enabled {@code false} to run the first combination unproven, without a child
     * @param testCrash test-only: combinations whose child dies
     */
    record Settings(Path cacheDir, boolean enabled, PreflightTestCrash testCrash) {

        static Settings fromEnvironment() {
            String mode = setting(MODE_PROPERTY, MODE_ENV).orElse("on").trim().toLowerCase(Locale.ROOT);
            if (!mode.equals("on") && !mode.equals("off")) {
                throw new IllegalArgumentException(MODE_PROPERTY + " (" + MODE_ENV + ") must be on or off, got '"
                        + mode + "'");
            }
            return new Settings(Preflight.cacheDir(), mode.equals("on"),
                    PreflightTestCrash.parse(setting(TEST_CRASH_PROPERTY, TEST_CRASH_ENV).orElse(null)));
        }
    }

    private Preflight() {}

    /**
     * Proves {@code wanted} on this machine, falling back under {@code auto}: the one call the commands
     * and the Java API make before a run commits to a precision and memory format.
     *
     * @param wanted the run's device, resolved precision ({@link PrecisionConfig#resolve}), encoder and batch
     * @param mayFallBack whether both the precision and the memory format were {@code auto}, so that a
     *     combination that crashes may give way to the next of bf16 channels-last → bf16 contiguous → fp32
     * @param log where the one line about a fallback goes
     * @return the precision to run and the verdict
     * @throws IllegalStateException with one line naming what crashed, when no allowed combination runs
     */
    public static Result prove(PreflightCombination wanted, boolean mayFallBack, PrintWriter log) {
        if (mayFallBack && wanted.precision().requested() != Precision.AUTO) {
            throw new IllegalArgumentException("only a precision resolved from auto may fall back, not "
                    + wanted.precision().requested());
        }
        Settings settings = Settings.fromEnvironment();
        if (!settings.enabled()) {
            return new Result(wanted.precision(), new PreflightVerdict(SKIPPED, wanted.label(), List.of(), null), 0);
        }
        return prove(wanted.device(), candidates(wanted.precision(), mayFallBack), !mayFallBack, wanted.encoder(),
                wanted.batch(), PreflightMachine.current(), settings, log);
    }

    /**
     * The combinations to try, in order: the resolved one, then under {@code auto} the ones after it in
     * bf16 channels-last → bf16 contiguous → fp32 contiguous.
     *
     * @param first the resolved configuration
     * @param mayFallBack whether both precision and memory format were {@code auto}
     * @return at least {@code first}
     */
    static List<PrecisionConfig> candidates(PrecisionConfig first, boolean mayFallBack) {
        List<PrecisionConfig> all = new ArrayList<>(List.of(first));
        if (mayFallBack && first.precision() == Precision.BF16) {
            if (first.memoryFormat() == MemoryFormat.CHANNELS_LAST) {
                all.add(new PrecisionConfig(first.requested(), Precision.BF16, MemoryFormat.CONTIGUOUS));
            }
            all.add(new PrecisionConfig(first.requested(), Precision.FP32, MemoryFormat.CONTIGUOUS));
        }
        return all;
    }

    /**
     * Tries {@code candidates} in order and returns the first that runs.
     *
     * @param device where the encoder runs
     * @param candidates the combinations allowed, most wanted first
     * @param explicit whether the precision or memory format was given (so that nothing else is tried)
     * @param encoder the encoder's shape
     * @param batch images per forward pass
     * @param machine the facts the verdicts hold for
     * @param settings the cache and the test-only crash
     * @param log where the one line about a fallback goes
     * @return the first combination that runs, with the verdict
     * @throws IllegalStateException with one line naming what crashed, when none runs
     */
    static Result prove(ComputeDevice device, List<PrecisionConfig> candidates, boolean explicit, EncoderConfig encoder,
            int batch, PreflightMachine machine, Settings settings, PrintWriter log) {
        PreflightCache cache = new PreflightCache(settings.cacheDir());
        List<String> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int children = 0;
        for (PrecisionConfig candidate : candidates) {
            PreflightCombination combination = new PreflightCombination(device, candidate, encoder, batch);
            String key = combination.canonical() + machine.canonical() + "test_crash=" + settings.testCrash().spec()
                    + "\n";
            Optional<PreflightCache.Entry> known = cache.find(key);
            PreflightCache.Entry entry;
            if (known.isPresent()) {
                entry = known.get();
            } else {
                children++;
                PreflightRun run = PreflightRun.of(combination, settings.testCrash());
                entry = new PreflightCache.Entry(key, run.passed() ? PreflightCache.Entry.PASSED : run.outcome(),
                        run.passed() ? null : run.reason(), Instant.now().toString());
                if (run.cacheable()) {
                    put(cache, entry, log);
                }
            }
            if (entry.passed()) {
                String status = known.isPresent() ? CACHED : PROVEN;
                PreflightVerdict verdict = new PreflightVerdict(status, combination.label(), failed,
                        failed.isEmpty() ? null : String.join("; ", reasons));
                if (!failed.isEmpty()) {
                    log.println("amdim: preflight: " + verdict.reason() + "; running " + combination.label()
                            + " instead");
                    log.flush();
                }
                return new Result(candidate, verdict, children);
            }
            failed.add(combination.label());
            reasons.add(combination.label() + " " + entry.outcome() + " in a child JVM (" + entry.reason()
                    + (known.isPresent() ? ", verdict cached " + entry.time() + " in " + cache.dir() : "") + ")");
        }
        throw new IllegalStateException("preflight: " + String.join("; ", reasons) + "; "
                + (explicit ? "an explicit --precision or --memory-format is not changed: give another, or auto for both"
                        : "nothing is left to fall back to"));
    }

    private static void put(PreflightCache cache, PreflightCache.Entry entry, PrintWriter log) {
        try {
            cache.put(entry);
        } catch (IOException e) {
            // the verdict still holds for this run; the next one proves again
            log.println("amdim: preflight: cannot keep the verdict in " + cache.dir() + ": " + e.getMessage());
            log.flush();
        }
    }

    /**
     * The verdicts' directory: {@value #CACHE_PROPERTY}, {@value #CACHE_ENV}, then
     * {@code $XDG_CACHE_HOME/amdim4j/preflight}, then {@code ~/.cache/amdim4j/preflight}.
     *
     * @return the directory (not created)
     */
    public static Path cacheDir() {
        Optional<String> given = setting(CACHE_PROPERTY, CACHE_ENV);
        if (given.isPresent()) {
            return Path.of(given.get());
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("amdim4j").resolve("preflight");
    }

    private static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
