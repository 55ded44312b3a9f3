package org.l4emu.tools.disasm;

/** One disassembled instruction. */
public record Instruction(int address, int size, byte[] bytes, String mnemonic, String operands) {
    @Override
    public String toString() {
        return operands.isEmpty() ? mnemonic : mnemonic + " " + operands;
    }
}
