package org.l4emu.emulator.unicorn;

/**
 * The version of the Unicorn library in use, as {@code uc_version} reports it (its return value
 * packs major, minor and patch into bits 31-24, 23-16 and 15-8).
 */
public record EngineVersion(int major, int minor, int patch) {
    static EngineVersion fromPacked(int packed) {
        return new EngineVersion(packed >>> 24, (packed >>> 16) & 0xFF, (packed >>> 8) & 0xFF);
    }

    /** True when this version is {@code major.minor} or later. */
    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || major == wantedMajor && minor >= wantedMinor;
    }

    /** For example "2.1.1". */
    public String number() {
        return major + "." + minor + "." + patch;
    }

    @Override
    public String toString() {
        return "Unicorn " + number();
    }
}
