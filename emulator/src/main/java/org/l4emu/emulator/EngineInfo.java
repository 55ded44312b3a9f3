package org.l4emu.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.UnicornLibrary;
import org.l4emu.emulator.x86.X86Machines;

/** What the tools may say about the CPU engine in use: its version, its file, and the accelerators each machine uses. */
public final class EngineInfo {
    private EngineInfo() {
    }

    /**
     * The engine's name and version, for example "Unicorn 2.1.1".
     *
     * @throws EmulatorUnavailableException when no engine library can be loaded
     */
    public static String version() {
        return Unicorn.version().toString();
    }

    /** The library file in use (as the process maps it, or as configured). */
    public static String libraryFile() {
        String loaded = UnicornLibrary.loadedPath();
        return loaded != null ? loaded : UnicornLibrary.configuredName();
    }

    /** True when the setting allows no accelerator: machines use Unicorn's public API alone. */
    public static boolean acceleratorsOff() {
        for (Accelerator accelerator : Accelerator.values()) {
            if (Accelerators.allowed(accelerator)) {
                return false;
            }
        }
        return true;
    }

    /** The library file in use, and how it was chosen. */
    public static String library() {
        String chosen = System.getenv(UnicornLibrary.LIBRARY_VARIABLE) != null
                ? "from " + UnicornLibrary.LIBRARY_VARIABLE : UnicornLibrary.LIBRARY_VARIABLE + " unset";
        return libraryFile() + " (" + chosen + ")";
    }

    /**
     * Opens a machine of each architecture, which checks every accelerator it may use, and
     * describes what became of each; a machine that cannot open says why.
     */
    public static List<String> accelerators() {
        List<String> lines = new ArrayList<>();
        String setting = System.getenv(Accelerators.VARIABLE);
        lines.add("accelerators (" + Accelerators.VARIABLE + "=" + (setting == null ? "unset, so all" : setting) + "):");
        for (Architecture architecture : Architecture.values()) {
            try (Machine machine = Machines.open(architecture, 1 << 20)) {
                if (architecture == Architecture.X86) {
                    lines.add("  x86: " + X86Machines.design());
                }
                for (Map.Entry<Accelerator, Accelerators.Outcome> entry
                        : Accelerators.outcomes(architecture.xmlName()).entrySet()) {
                    lines.add("  " + architecture.xmlName() + ": " + entry.getKey().key() + ": " + entry.getValue()
                            + " - " + entry.getKey().description());
                }
            } catch (EmulatorUnavailableException e) {
                lines.add("  " + architecture.xmlName() + ": cannot run: " + e.getMessage());
            }
        }
        return lines;
    }
}
