package org.l4emu.kernel.system;

/** A place in a system description file, for error messages; 0 stands for an unknown line or column. */
record SourcePosition(String file, int line, int column) {
    SystemDescriptionException error(String problem) {
        return new SystemDescriptionException(this + ": " + problem);
    }

    @Override
    public String toString() {
        return line < 1 ? file : column < 1 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
