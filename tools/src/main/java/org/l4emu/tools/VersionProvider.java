package org.l4emu.tools;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.EmulatorUnavailableException;
import org.l4emu.emulator.EngineInfo;
import picocli.CommandLine;

/**
 * The version printed by {@code --version}: l4emu's (the jar's implementation version, or
 * "development build") and the CPU engine's; with {@code --verbose}, also the engine library's
 * file and which accelerators the machines use.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public String[] getVersion() {
        String version = L4emu.class.getPackage().getImplementationVersion();
        List<String> lines = new ArrayList<>();
        lines.add("l4emu " + (version == null ? "(development build)" : version) + ", guest ABI 1");
        try {
            lines.add(EngineInfo.version());
            if (verbose()) {
                lines.add("engine library: " + EngineInfo.library());
                lines.addAll(EngineInfo.accelerators());
            }
        } catch (EmulatorUnavailableException e) {
            lines.add("CPU engine not available: " + e.getMessage());
        }
        return lines.toArray(String[]::new);
    }

    private boolean verbose() {
        return spec != null && spec.commandLine() != null && spec.commandLine().getCommand() instanceof L4emu l4emu
                && l4emu.verbose();
    }
}
