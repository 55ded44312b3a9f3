package org.l4emu.emulator.engine;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.l4emu.emulator.EmulatorUnavailableException;

/**
 * Which {@link Accelerator}s a process may use and what became of each. The environment variable
 * {@value #VARIABLE} (or the system property {@value #PROPERTY}) chooses: unset or {@code all}
 * for every one, {@code none} for the public API alone, or a comma-separated list of
 * {@link Accelerator#key()}s. An accelerator whose start-up check fails is dropped with one line
 * on standard error, once per process and machine; {@link #outcomes(String)} says what each kind
 * of machine ({@code arm}, {@code x86}) found last.
 */
public final class Accelerators {
    public static final String VARIABLE = "L4EMU_ACCELERATORS";
    public static final String PROPERTY = "l4emu.accelerators";

    /** What became of an accelerator in the machine opened last. */
    public enum State {
        ACTIVE("active"),
        NOT_NEEDED("not needed on this engine"),
        NO_ROOM("not tried: this machine's memory leaves no room for its calibration"),
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

    private static final Map<String, Map<Accelerator, Outcome>> OUTCOMES = new TreeMap<>();
    private static final Set<String> WARNED = new HashSet<>();
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

    /**
     * Records what became of {@code accelerator} on machines of kind {@code machine}; a failed
     * check is reported on standard error once per process and machine.
     */
    public static synchronized void record(String machine, Accelerator accelerator, State state, String detail) {
        OUTCOMES.computeIfAbsent(machine, m -> new EnumMap<>(Accelerator.class))
                .put(accelerator, new Outcome(state, detail));
        if (state == State.CHECK_FAILED && WARNED.add(machine + " " + accelerator.key())) {
            warnings.println("l4emu: accelerator " + accelerator.key() + " dropped on " + machine + " (" + detail
                    + "); using Unicorn's public API instead");
        }
    }

    /**
     * Tries {@code accelerator} on a machine of kind {@code machine} unless the setting or a
     * missing {@code needs} (null: none) rules it out: {@code finding} finds and checks it, and
     * returns the state it ends in, or throws {@link InternalsNotRecognised}. Records the outcome;
     * true when the accelerator is active.
     */
    public static boolean attempt(String machine, Accelerator accelerator, Accelerator needs, Supplier<State> finding) {
        if (!allowed(accelerator)) {
            record(machine, accelerator, State.SWITCHED_OFF, null);
            return false;
        }
        if (needs != null) {
            record(machine, accelerator, State.SWITCHED_OFF, "needs " + needs.key());
            return false;
        }
        try {
            State state = finding.get();
            record(machine, accelerator, state, null);
            return state == State.ACTIVE;
        } catch (InternalsNotRecognised e) {
            record(machine, accelerator, State.CHECK_FAILED, e.failure());
            return false;
        }
    }

    /** What became of each accelerator on machines of kind {@code machine} opened so far (the latest outcome of each). */
    public static synchronized Map<Accelerator, Outcome> outcomes(String machine) {
        Map<Accelerator, Outcome> found = OUTCOMES.get(machine);
        return found == null ? new EnumMap<>(Accelerator.class) : new EnumMap<>(found);
    }

    /** Where failed checks are reported (standard error unless a test says otherwise). */
    static synchronized void reportTo(PrintStream stream) {
        warnings = stream;
        WARNED.clear();
    }
}
