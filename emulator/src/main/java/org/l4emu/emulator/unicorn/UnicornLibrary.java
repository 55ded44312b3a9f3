package org.l4emu.emulator.unicorn;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import org.l4emu.emulator.EmulatorUnavailableException;

/**
 * Finds the Unicorn 2 shared library, or explains in one line what to install. The environment
 * variable {@value #LIBRARY_VARIABLE} (or, for tests, the system property
 * {@value #LIBRARY_PROPERTY}) names another library file to use instead of the system's.
 */
@SuppressWarnings("restricted") // loading the native library
public final class UnicornLibrary {
    /** Environment variable naming the engine library file to load instead of the default. */
    public static final String LIBRARY_VARIABLE = "L4EMU_UNICORN";
    /** System property naming it; the environment variable wins when both are set. */
    public static final String LIBRARY_PROPERTY = "l4emu.unicorn.library";
    public static final String DEFAULT_NAME = "libunicorn.so.2";

    private UnicornLibrary() {
    }

    /**
     * Opens {@code name} with the platform's library search rules. The library stays loaded for
     * the life of the JVM.
     *
     * @throws EmulatorUnavailableException when it cannot be loaded
     */
    public static SymbolLookup load(String name) {
        try {
            return SymbolLookup.libraryLookup(name, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new EmulatorUnavailableException(notFoundMessage(name), e);
        }
    }

    static String notFoundMessage(String name) {
        return name + " not found: install the Debian package libunicorn2 (apt-get install libunicorn2)";
    }

    /** The library file or name this process uses: {@value #LIBRARY_VARIABLE}, the property, or the default. */
    public static String configuredName() {
        String fromEnvironment = System.getenv(LIBRARY_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        return System.getProperty(LIBRARY_PROPERTY, DEFAULT_NAME);
    }

    /** The file of the loaded library as the process maps it, or null when none is loaded. */
    public static String loadedPath() {
        if (Loaded.INSTANCE.failure != null) {
            return null;
        }
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.contains("libunicorn")) {
                    return line.substring(slash);
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return null;
    }

    /** The library l4emu uses, loaded once. */
    static SymbolLookup lookup() {
        Loaded loaded = Loaded.INSTANCE;
        if (loaded.failure != null) {
            throw new EmulatorUnavailableException(loaded.failure.getMessage(), loaded.failure);
        }
        return loaded.lookup;
    }

    /** Throws {@link EmulatorUnavailableException} unless the library can be used. */
    public static void requireAvailable() {
        lookup();
    }

    private record Loaded(SymbolLookup lookup, EmulatorUnavailableException failure) {
        static final Loaded INSTANCE = loadConfigured();

        private static Loaded loadConfigured() {
            String name = configuredName();
            try {
                return new Loaded(load(name), null);
            } catch (EmulatorUnavailableException e) {
                if (name.equals(DEFAULT_NAME)) {
                    return new Loaded(null, e);
                }
                return new Loaded(null, new EmulatorUnavailableException(name + " cannot be loaded: check "
                        + LIBRARY_VARIABLE + " (it names the Unicorn 2 library to use)", e));
            }
        }
    }
}
