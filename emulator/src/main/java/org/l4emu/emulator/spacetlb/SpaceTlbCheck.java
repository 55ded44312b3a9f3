package org.l4emu.emulator.spacetlb;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;

/**
 * The start-up check of spaces that keep their own TLB ({@link SpaceTlbs}), run with them in
 * use, and of anything else that changes how a CPU switches spaces (arm's translation registers
 * written in QEMU's state): {@link #SPACES} spaces with different code and data at the same
 * addresses enter in turns, more than a CPU holds at once, and each must run its own code on its
 * own data, also after one of them had its data page moved while it was out.
 */
public final class SpaceTlbCheck {
    public static final int CODE = 0x1000;
    public static final int DATA = 0x5000;
    private static final int SPACES = 5;
    private static final int FIRST_DATA = 0x600D_0000;
    private static final int MOVED_DATA = 0x5EC0_0000;
    private static final int[] ORDER = {0, 1, 2, 3, 4, 0, 2, 4, 1, 3, 3, 0, 4, 2, 1, 0, 1, 2};
    private static final int MOVED_AT = ORDER.length / 2;

    /** What the machine supplies, in its own instruction set. */
    public interface Machine<S extends AddressSpace> {
        /** Code for {@link #CODE} that puts {@code number} in a register and loads the word at {@link #DATA}, then makes a system call. */
        byte[] code(int number);

        /** An empty space in the scratch memory. */
        S newSpace() throws OutOfPhysicalMemoryException;

        /** Runs {@code space} from {@link #CODE} to its system call: true when it put {@code number} and loaded {@code data}. */
        boolean ranOwnCode(S space, int number, int data);
    }

    private SpaceTlbCheck() {
    }

    /** Runs the check with spaces made in {@code scratch}, destroyed after; their frames are the scratch's to reclaim. */
    public static <S extends AddressSpace> void check(PhysicalMemory scratch, Machine<S> machine) {
        List<S> spaces = new ArrayList<>();
        try {
            for (int i = 0; i < SPACES; i++) {
                long code = scratch.allocateFrame();
                byte[] instructions = machine.code(i);
                scratch.write(code, instructions, 0, instructions.length);
                S space = machine.newSpace();
                spaces.add(space);
                space.map(CODE, code, Access.READ_EXECUTE);
                mapData(scratch, space, FIRST_DATA + i);
            }
            for (int step = 0; step < ORDER.length; step++) {
                int i = ORDER[step];
                boolean moved = step >= MOVED_AT && i == ORDER[MOVED_AT];
                if (step == MOVED_AT) {
                    mapData(scratch, spaces.get(i), MOVED_DATA + i);
                }
                int data = (moved ? MOVED_DATA : FIRST_DATA) + i;
                expect(machine.ranOwnCode(spaces.get(i), i, data),
                        "space " + i + " did not run its own code on its own data (step " + step + ")");
            }
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("calibration scratch memory too small", e);
        } finally {
            for (S space : spaces) {
                space.destroy();
            }
        }
    }

    /** Maps a fresh frame holding {@code value} at {@link #DATA}, in place of the one before. */
    private static void mapData(PhysicalMemory scratch, AddressSpace space, int value) throws OutOfPhysicalMemoryException {
        long data = scratch.allocateFrame();
        scratch.writeWord(data, value);
        space.map(DATA, data, Access.READ_WRITE);
    }
}
