package org.l4emu.emulator.unicorn;

/** Values of {@code uc_hook_type} that l4emu uses. */
public enum UcHookType {
    /** Interrupts and CPU exceptions; the callback gets the exception number. */
    INTERRUPT(1),
    /** One instruction that Unicorn lets be hooked (on x86: in, out, syscall, sysenter, cpuid). */
    INSN(1 << 1),
    /** Every instruction (expensive: about 20 ns each through Java). */
    CODE(1 << 2),
    /** Every translated block as it starts to run; the callback gets its address and size in bytes. */
    BLOCK(1 << 3),
    /** Reads of mapped memory (any access hook makes every guest access take the slow path). */
    MEM_READ(1 << 10),
    /** Writes to mapped memory, called before the write. */
    MEM_WRITE(1 << 11),
    /** Accesses to unmapped memory or against a region's protection (UC_HOOK_MEM_INVALID). */
    MEM_INVALID(0x3F0);

    private final int value;

    UcHookType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
