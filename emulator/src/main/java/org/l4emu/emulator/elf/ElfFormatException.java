package org.l4emu.emulator.elf;

/** An image that cannot be loaded: unreadable, malformed, or for a machine l4emu does not emulate. */
public final class ElfFormatException extends Exception {
    private final String file;
    private final String problem;

    /** The message is the single line {@code "<file>: <problem>"}. */
    public ElfFormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** The image's display name, as given to the loader. */
    public String file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
