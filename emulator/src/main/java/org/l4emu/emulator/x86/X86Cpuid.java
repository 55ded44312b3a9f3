package org.l4emu.emulator.x86;

import java.nio.charset.StandardCharsets;
import org.l4emu.emulator.unicorn.CpuidHook;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * What {@code cpuid} tells a guest, the same on every engine: the hook answers every leaf from
 * this table instead of QEMU, whose answers depend on the library (Unicorn 2.0.1 reports a fixed
 * feature set whatever the model, partly for instructions its translator refuses; 2.1 reports
 * the model's). The table lists only what a ring-3 guest can use on both engines: {@code cmpxchg8b},
 * {@code cmov}, {@code clflush} and {@code lzcnt}. No x87, MMX or SSE (they fault, see
 * {@link UserModeEntry}), no time-stamp counter ({@code rdtsc} and {@code rdtscp} are privileged).
 * Leaves 0-1 and 0x80000000-0x80000004 are defined; every other leaf and sub-leaf gives 0 in all
 * four registers.
 */
final class X86Cpuid implements CpuidHook {
    static final int MAX_BASIC_LEAF = 1;
    static final int MAX_EXTENDED_LEAF = 0x8000_0004;
    /** Family 6, model 6, stepping 3, as QEMU's default model says. */
    static final int SIGNATURE = 0x663;
    /** CLFLUSH line size 8 (times 8 bytes) in bits 15..8; no brand index, one logical CPU, APIC id 0. */
    static final int LEAF_1_EBX = 0x800;
    static final int CX8 = 1 << 8;
    static final int CMOV = 1 << 15;
    static final int CLFSH = 1 << 19;
    /** Leaf 0x80000001 ECX bit 5: {@code lzcnt} (AMD's ABM, of which {@code popcnt} is not given). */
    static final int LZCNT = 1 << 5;
    static final String VENDOR = "L4emuVirtual";
    static final String BRAND = "l4emu IA-32 user-mode CPU";

    private final Unicorn unicorn;

    X86Cpuid(Unicorn unicorn) {
        this.unicorn = unicorn;
    }

    /** Installs the hook on {@code unicorn}. */
    static void install(Unicorn unicorn) {
        unicorn.addCpuidHook(new X86Cpuid(unicorn));
    }

    @Override
    public boolean onCpuid() {
        int[] result = leaf(unicorn.readRegister(X86Register.EAX), unicorn.readRegister(X86Register.ECX));
        unicorn.writeRegister(X86Register.EAX, result[0]);
        unicorn.writeRegister(X86Register.EBX, result[1]);
        unicorn.writeRegister(X86Register.ECX, result[2]);
        unicorn.writeRegister(X86Register.EDX, result[3]);
        return true;
    }

    /** EAX, EBX, ECX and EDX for leaf {@code eax}, sub-leaf {@code ecx} (no leaf defined here has sub-leaves). */
    static int[] leaf(int eax, int ecx) {
        return switch (eax) {
            case 0 -> vendor();
            case 1 -> new int[] {SIGNATURE, LEAF_1_EBX, 0, CX8 | CMOV | CLFSH};
            case 0x8000_0000 -> new int[] {MAX_EXTENDED_LEAF, 0, 0, 0};
            case 0x8000_0001 -> new int[] {0, 0, LZCNT, 0};
            case 0x8000_0002, 0x8000_0003, 0x8000_0004 -> brand(eax - 0x8000_0002);
            default -> new int[4];
        };
    }

    /** Leaf 0: the highest basic leaf, then the vendor in EBX, EDX, ECX order. */
    private static int[] vendor() {
        int[] words = words(VENDOR, 3);
        return new int[] {MAX_BASIC_LEAF, words[0], words[2], words[1]};
    }

    /** Part {@code part} (0-2) of the 48-byte brand string, zero-padded. */
    private static int[] brand(int part) {
        int[] words = words(BRAND, 12);
        return new int[] {words[4 * part], words[4 * part + 1], words[4 * part + 2], words[4 * part + 3]};
    }

    private static int[] words(String text, int count) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int[] words = new int[count];
        for (int i = 0; i < bytes.length && i < 4 * count; i++) {
            words[i / 4] |= (bytes[i] & 0xFF) << (8 * (i % 4));
        }
        return words;
    }
}
