package org.l4emu.tools.source;

/** A line of a source file, the file as the image's line table names it (relative to where it was built). */
public record SourceLine(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
