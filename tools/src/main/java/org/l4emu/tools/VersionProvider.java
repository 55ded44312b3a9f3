package org.l4emu.tools;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version, or "development". */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = L4emu.class.getPackage().getImplementationVersion();
        return new String[] {"l4emu " + (version == null ? "(development build)" : version) + ", guest ABI 1"};
    }
}
