package org.l4emu.emulator.arm;

/**
 * The address an exclusive load or store (LDREX, STREX and their B, H and D forms) accesses: the
 * only instructions that raise alignment faults on l4emu's CPU. ARM encodings address
 * {@code [Rn]}; Thumb LDREX and STREX (word) add {@code imm8 << 2}, the other Thumb forms none.
 */
final class ExclusiveAccess {
    private ExclusiveAccess() {
    }

    /** The address, or null when the instruction at the thread's PC is no exclusive load or store. */
    static Integer address(ArmCpuContext thread, ArmAddressSpace space) {
        int pc = thread.register(ArmCpuContext.PC);
        if (!thread.thumb()) {
            int low = space.readHalfword(pc);
            int high = space.readHalfword(pc + 2);
            if (low < 0 || high < 0) {
                return null;
            }
            int instruction = high << 16 | low;
            // cond 0001 1xxx Rn Rd 1111 1001 Rt: LDREX{,D,B,H} and STREX{,D,B,H}.
            if ((instruction & 0x0F80_0FF0) != 0x0180_0F90) {
                return null;
            }
            return thread.register((instruction >>> 16) & 0xF);
        }
        int first = space.readHalfword(pc);
        int second = space.readHalfword(pc + 2);
        if (first < 0 || second < 0) {
            return null;
        }
        int rn = thread.register(first & 0xF);
        if ((first & 0xFFE0) == 0xE840) {
            // LDREX / STREX (T1): 1110 1000 010L Rn | Rt Rd imm8.
            return rn + ((second & 0xFF) << 2);
        }
        if ((first & 0xFFE0) == 0xE8C0 && ((second >>> 4) & 0xC) == 0x4) {
            // LDREXB/H/D, STREXB/H/D (T1): 1110 1000 110L Rn | ... 01xx ....
            return rn;
        }
        return null;
    }
}
