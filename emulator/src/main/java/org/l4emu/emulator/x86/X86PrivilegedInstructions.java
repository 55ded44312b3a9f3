package org.l4emu.emulator.x86;

import java.util.function.LongSupplier;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86HookedInstruction;

/**
 * Makes the instructions Unicorn runs as hooks fault as they do in ring 3 on a CPU: {@code in},
 * {@code out}, {@code ins} and {@code outs} raise #GP (IOPL is 0, and ring 3 cannot raise it;
 * there is no I/O bitmap), {@code sysenter} raises #GP (SYSENTER_CS is 0) and {@code syscall}
 * raises #UD (EFER.SCE is 0). Unicorn has no check of its own: without a hook each completes as
 * a no-op. The hook refuses the instruction with the registers as they stood at it and stops
 * the CPU, which leaves the block at the next instruction's exit check (the count hook puts one
 * before every instruction; Unicorn's own counter has counted that instruction by then, so the
 * count is taken in the hook). One effect stays: QEMU makes {@code ins} store 0 at ES:EDI before
 * it reads the port, so that a fault on the store can be retried; a CPU faults first.
 */
final class X86PrivilegedInstructions {
    private X86PrivilegedInstructions() {
    }

    /**
     * Installs the hooks on {@code unicorn}, whose stops {@code stop} records; {@code started}
     * counts the instructions started in the run, the current one included.
     */
    static void install(Unicorn unicorn, StopRecord stop, LongSupplier started) {
        for (X86HookedInstruction instruction : X86HookedInstruction.values()) {
            Trap.Kind kind = instruction == X86HookedInstruction.SYSCALL
                    ? Trap.Kind.UNDEFINED_INSTRUCTION : Trap.Kind.PRIVILEGED_INSTRUCTION;
            unicorn.addInstructionHook(instruction, () -> {
                stop.refuseInstruction(kind, started.getAsLong());
                unicorn.stop();
            });
        }
    }
}
