package org.l4emu.emulator.x86;

import java.io.ByteArrayOutputStream;

/** Hand-assembled IA-32 instructions used by the tests (checked with {@code as --32}). */
final class X86 {
    static final byte[] NOP = bytes(0x90);
    static final byte[] INT_80 = bytes(0xCD, 0x80);
    static final byte[] INT_81 = bytes(0xCD, 0x81);
    static final byte[] INT_0E = bytes(0xCD, 0x0E);
    static final byte[] INT3 = bytes(0xCC);
    /** {@code int $3} in its two-byte form. */
    static final byte[] INT_3_LONG = bytes(0xCD, 0x03);
    static final byte[] INC_EDX = bytes(0x42);
    static final byte[] DEC_ECX = bytes(0x49);
    /** {@code jnz} to five bytes before its end: back over itself and three more bytes. */
    static final byte[] JNZ_BACK_5 = bytes(0x75, 0xFB);
    static final byte[] MOV_GS0_TO_EBX = bytes(0x65, 0x8B, 0x1D, 0, 0, 0, 0);
    static final byte[] MOV_EAX_TO_GS0 = bytes(0x65, 0xA3, 0, 0, 0, 0);
    static final byte[] LOAD_ECX_FROM_EBX = bytes(0x8B, 0x0B);
    static final byte[] STORE_ECX_TO_EBX = bytes(0x89, 0x0B);
    /** {@code incl (%ebx)}: reads and writes memory. */
    static final byte[] INC_DWORD_AT_EBX = bytes(0xFF, 0x03);
    static final byte[] JMP_EBX = bytes(0xFF, 0xE3);
    static final byte[] HLT = bytes(0xF4);
    static final byte[] CLI = bytes(0xFA);
    static final byte[] XOR_ECX_ECX = bytes(0x31, 0xC9);
    static final byte[] DIV_ECX = bytes(0xF7, 0xF1);
    static final byte[] FLD1 = bytes(0xD9, 0xE8);
    static final byte[] RDTSC = bytes(0x0F, 0x31);
    static final byte[] MOVAPS_XMM1_XMM0 = bytes(0x0F, 0x28, 0xC1);
    /** pushf; orl $0x100, (%esp); popf: sets EFLAGS.TF. */
    static final byte[] SET_TRAP_FLAG = bytes(0x9C, 0x81, 0x0C, 0x24, 0x00, 0x01, 0x00, 0x00, 0x9D);
    static final byte[] MOV_ZERO_TO_DS = bytes(0x31, 0xC0, 0x8E, 0xD8);

    private X86() {
    }

    static byte[] movEax(int value) {
        return withImmediate(0xB8, value);
    }

    static byte[] movEbx(int value) {
        return withImmediate(0xBB, value);
    }

    static byte[] movEcx(int value) {
        return withImmediate(0xB9, value);
    }

    static byte[] movEdx(int value) {
        return withImmediate(0xBA, value);
    }

    static byte[] movEsi(int value) {
        return withImmediate(0xBE, value);
    }

    static byte[] movEdi(int value) {
        return withImmediate(0xBF, value);
    }

    static byte[] movEbp(int value) {
        return withImmediate(0xBD, value);
    }

    /** {@code jmp rel8} by {@code displacement} bytes from the end of the jump. */
    static byte[] jmpShort(int displacement) {
        return bytes(0xEB, displacement & 0xFF);
    }

    static byte[] concat(byte[]... instructions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] instruction : instructions) {
            out.writeBytes(instruction);
        }
        return out.toByteArray();
    }

    private static byte[] withImmediate(int opcode, int value) {
        return bytes(opcode, value, value >>> 8, value >>> 16, value >>> 24);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
