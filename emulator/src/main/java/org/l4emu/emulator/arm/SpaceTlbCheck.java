package org.l4emu.emulator.arm;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.physical.NativePhysicalMemory;

/**
 * The start-up check of spaces that keep their own TLB ({@link SpaceTlbs}), run with them in
 * use: five spaces with different code and data at the same addresses enter in turns, more
 * than the two TLBs hold, and each must run its own code on its own data, also after one of
 * them had its data page moved while it was out.
 */
final class SpaceTlbCheck {
    private static final int CODE = 0x1000;
    private static final int DATA = 0x5000;
    private static final int SPACES = 5;
    private static final int[] ORDER = {0, 1, 2, 3, 4, 0, 2, 4, 1, 3, 3, 0, 4, 2, 1, 0, 1, 2};
    private static final int MOVED_AT = ORDER.length / 2;
    private static final int MOVE_TO_R2 = 0xE3A02000; // mov r2, #imm
    private static final int LOAD_R1_FROM_R0 = 0xE5901000; // ldr r1, [r0]
    private static final int SVC = 0xEF000000; // svc #0
    private static final int FIRST_DATA = 0x600D_0000;
    private static final int MOVED_DATA = 0x5EC0_0000;

    /** Runs the CPU at {@code pc} in {@code space} with r0 set; the thread after its svc, or null if it stopped otherwise. */
    interface Run {
        ArmCpuContext untilSvc(ArmAddressSpace space, int pc, int r0);
    }

    private SpaceTlbCheck() {
    }

    static void check(NativePhysicalMemory scratch, CodeFrames codeFrames, Run run) {
        List<ArmAddressSpace> spaces = new ArrayList<>();
        try {
            for (int i = 0; i < SPACES; i++) {
                long code = scratch.allocateFrame();
                scratch.writeWord(code, MOVE_TO_R2 | i);
                scratch.writeWord(code + 4, LOAD_R1_FROM_R0);
                scratch.writeWord(code + 8, SVC);
                ArmAddressSpace space = new ArmAddressSpace(scratch, codeFrames);
                spaces.add(space);
                space.map(CODE, code, Access.READ_EXECUTE);
                long data = scratch.allocateFrame();
                scratch.writeWord(data, FIRST_DATA + i);
                space.map(DATA, data, Access.READ_WRITE);
            }
            for (int step = 0; step < ORDER.length; step++) {
                int i = ORDER[step];
                boolean moved = step >= MOVED_AT && i == ORDER[MOVED_AT];
                if (step == MOVED_AT) {
                    long data = scratch.allocateFrame();
                    scratch.writeWord(data, MOVED_DATA + i);
                    spaces.get(i).map(DATA, data, Access.READ_WRITE);
                }
                ArmCpuContext thread = run.untilSvc(spaces.get(i), CODE, DATA);
                expect(thread != null && thread.register(2) == i
                        && thread.register(1) == (moved ? MOVED_DATA : FIRST_DATA) + i,
                        "space " + i + " did not run its own code on its own data with its own TLB (step " + step + ")");
            }
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("calibration scratch memory too small", e);
        } finally {
            for (ArmAddressSpace space : spaces) {
                space.destroy();
            }
        }
    }
}
