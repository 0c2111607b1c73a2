package io.amdim4j.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Lower-case command-line and JSON names of the option enums ({@code bf16}, {@code channels_last}):
 * each enum's {@code toString} gives its name (and Jackson reads it back through {@code @JsonValue}),
 * and {@link #parse} reads one with an error listing the choices.
 */
public final class OptionNames {

    private OptionNames() {}

    /** The constant's name in lower case. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant named {@code text} (any case, surrounding blanks ignored).
     *
     * @param constants the enum's values
     * @param text the name
     * @param what what the name is of, for the error
     * @return the constant
     * @throws IllegalArgumentException listing the choices
     */
    public static <E extends Enum<E>> E parse(E[] constants, String text, String what) {
        for (E c : constants) {
            if (of(c).equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException(what + " must be one of "
                + Arrays.stream(constants).map(OptionNames::of).collect(Collectors.joining(", "))
                + "; got '" + text + "'");
    }
}
