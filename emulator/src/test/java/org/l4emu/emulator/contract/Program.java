package org.l4emu.emulator.contract;

/** Machine code made by an {@link Assembler}, and where each of its instructions starts. */
public record Program(byte[] code, int[] offsets) {
    /** The offset of instruction {@code index} from the program's start; {@code index == count()} is its end. */
    public int offset(int index) {
        return index == offsets.length ? code.length : offsets[index];
    }

    public int count() {
        return offsets.length;
    }
}
