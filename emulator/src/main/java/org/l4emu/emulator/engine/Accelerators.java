package org.l4emu.emulator.engine;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.l4emu.emulator.EmulatorUnavailableException;

/**
 * Which {@link Accelerator}s a process may use and what became of each. The environment variable
 * {@value #VARIABLE} (or the system property {@value #PROPERTY}) chooses: unset or {@code all}
 * for every one, {@code none} for the public API alone, or a comma-separated list of
 * {@link Accelerator#key()}s. An accelerator whose start-up check fails is dropped with one line
 * on standard error, once per process; {@link #outcomes()} says what each machine found last.
 */
public final class Accelerators {
    public static final String VARIABLE = "L4EMU_ACCELERATORS";
    public static final String PROPERTY = "l4emu.accelerators";

    /** What became of an accelerator in the machine opened last. */
    public enum State {
        ACTIVE("active"),
        NOT_NEEDED("not needed on this engine"),
        SWITCHED_OFF("switched off by " + VARIABLE),
        CHECK_FAILED("dropped: start-up check failed");

        private final String text;

        State(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** An accelerator's state with the reason, for reports. */
    public record Outcome(State state, String detail) {
        @Override
        public String toString() {
            return detail == null || detail.isEmpty() ? state.toString() : state + " (" + detail + ")";
        }
    }

    private static final Map<Accelerator, Outcome> OUTCOMES = new EnumMap<>(Accelerator.class);
    private static final Set<Accelerator> WARNED = EnumSet.noneOf(Accelerator.class);
    private static PrintStream warnings = System.err;

    private Accelerators() {
    }

    private static String configured() {
        String fromEnvironment = System.getenv(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return System.getProperty(PROPERTY, "all");
    }

    /** The setting, read once; a bad one is reported where a machine opens. */
    private static final class Setting {
        static final Set<Accelerator> ALLOWED;
        static final String ERROR;

        static {
            Set<Accelerator> allowed = EnumSet.noneOf(Accelerator.class);
            String error = null;
            try {
                allowed = parse(configured());
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
            ALLOWED = allowed;
            ERROR = error;
        }
    }

    /** The accelerators {@code setting} allows; unknown names are an error. */
    static Set<Accelerator> parse(String setting) {
        String trimmed = setting.trim();
        if (trimmed.equals("all") || trimmed.isEmpty()) {
            return EnumSet.allOf(Accelerator.class);
        }
        Set<Accelerator> allowed = EnumSet.noneOf(Accelerator.class);
        if (trimmed.equals("none")) {
            return allowed;
        }
        for (String name : trimmed.split(",")) {
            Accelerator accelerator = Accelerator.byKey(name.trim());
            if (accelerator == null) {
                throw new IllegalArgumentException(VARIABLE + ": unknown accelerator '" + name.trim()
                        + "' (all, none, or a list of " + keys() + ")");
            }
            allowed.add(accelerator);
        }
        return allowed;
    }

    private static String keys() {
        StringBuilder names = new StringBuilder();
        for (Accelerator accelerator : Accelerator.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(accelerator.key());
        }
        return names.toString();
    }

    /**
     * True when the setting lets machines try {@code accelerator}.
     *
     * @throws EmulatorUnavailableException when the setting names no accelerator l4emu knows
     */
    public static boolean allowed(Accelerator accelerator) {
        if (Setting.ERROR != null) {
            throw new EmulatorUnavailableException(Setting.ERROR);
        }
        return Setting.ALLOWED.contains(accelerator);
    }

    /** Records what became of {@code accelerator}; a failed check is reported on standard error once per process. */
    public static synchronized void record(Accelerator accelerator, State state, String detail) {
        OUTCOMES.put(accelerator, new Outcome(state, detail));
        if (state == State.CHECK_FAILED && WARNED.add(accelerator)) {
            warnings.println("l4emu: accelerator " + accelerator.key() + " dropped (" + detail
                    + "); using Unicorn's public API instead");
        }
    }

    /** Records that {@code accelerator} is off by the setting. */
    public static void recordSwitchedOff(Accelerator accelerator) {
        record(accelerator, State.SWITCHED_OFF, null);
    }

    /** What became of each accelerator in the machines opened so far (the latest outcome of each). */
    public static synchronized Map<Accelerator, Outcome> outcomes() {
        return new EnumMap<>(OUTCOMES);
    }

    /** Where failed checks are reported (standard error unless a test says otherwise). */
    static synchronized void reportTo(PrintStream stream) {
        warnings = stream;
        WARNED.clear();
    }
}
