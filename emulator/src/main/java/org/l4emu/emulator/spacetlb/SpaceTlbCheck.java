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
 * own data, also after one of them had its data page moved while it was out. That one also runs
 * code at an address no other space runs from, which is moved too: a block it translated there
 * before stays in QEMU's jump cache unless something drops it (the same address in other spaces
 * would evict it, and hide a space that comes back to its old code).
 */
public final class SpaceTlbCheck {
    public static final int CODE = 0x1000;
    public static final int DATA = 0x5000;
    /** Where only the moved space has code: its jump-cache slots differ from {@link #CODE}'s. */
    public static final int OWN_CODE = 0x0004_2000;
    private static final int SPACES = 5;
    private static final int FIRST_DATA = 0x600D_0000;
    private static final int MOVED_DATA = 0x5EC0_0000;
    private static final int[] ORDER = {0, 1, 2, 3, 4, 0, 2, 4, 1, 3, 3, 0, 4, 2, 1, 0, 1, 2};
    private static final int MOVED_AT = ORDER.length / 2;

    /** What the machine supplies, in its own instruction set. */
    public interface Machine<S extends AddressSpace> {
        /** Code that runs at any address, puts {@code number} in a register, loads the word at {@link #DATA}, then makes a system call. */
        byte[] code(int number);

        /** An empty space in the scratch memory. */
        S newSpace() throws OutOfPhysicalMemoryException;

        /** Runs {@code space} from {@code pc} to its system call: true when it put {@code number} and loaded {@code data}. */
        boolean ranOwnCode(S space, int pc, int number, int data);
    }

    private SpaceTlbCheck() {
    }

    /** Runs the check with spaces made in {@code scratch}, destroyed after; their frames are the scratch's to reclaim. */
    public static <S extends AddressSpace> void check(PhysicalMemory scratch, Machine<S> machine) {
        List<S> spaces = new ArrayList<>();
        try {
            int movedSpace = ORDER[MOVED_AT];
            for (int i = 0; i < SPACES; i++) {
                S space = machine.newSpace();
                spaces.add(space);
                mapCode(scratch, machine, space, CODE, i);
                mapData(scratch, space, FIRST_DATA + i);
            }
            mapCode(scratch, machine, spaces.get(movedSpace), OWN_CODE, SPACES);
            for (int step = 0; step < ORDER.length; step++) {
                int i = ORDER[step];
                boolean moved = step >= MOVED_AT && i == movedSpace;
                if (step == MOVED_AT) {
                    mapData(scratch, spaces.get(i), MOVED_DATA + i);
                    mapCode(scratch, machine, spaces.get(i), OWN_CODE, SPACES + 1);
                }
                int data = (moved ? MOVED_DATA : FIRST_DATA) + i;
                expect(machine.ranOwnCode(spaces.get(i), CODE, i, data),
                        "space " + i + " did not run its own code on its own data (step " + step + ")");
                if (i == movedSpace) {
                    expect(machine.ranOwnCode(spaces.get(i), OWN_CODE, moved ? SPACES + 1 : SPACES, data),
                            "space " + i + " did not run the code mapped at 0x" + Integer.toHexString(OWN_CODE)
                                    + " now (step " + step + ")");
                }
            }
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("calibration scratch memory too small", e);
        } finally {
            for (S space : spaces) {
                space.destroy();
            }
        }
    }

    /** Maps a fresh frame holding the machine's code for {@code number} at {@code address}, in place of the one before. */
    private static void mapCode(PhysicalMemory scratch, Machine<?> machine, AddressSpace space, int address, int number)
            throws OutOfPhysicalMemoryException {
        long code = scratch.allocateFrame();
        byte[] instructions = machine.code(number);
        scratch.write(code, instructions, 0, instructions.length);
        space.map(address, code, Access.READ_EXECUTE);
    }

    /** Maps a fresh frame holding {@code value} at {@link #DATA}, in place of the one before. */
    private static void mapData(PhysicalMemory scratch, AddressSpace space, int value) throws OutOfPhysicalMemoryException {
        long data = scratch.allocateFrame();
        scratch.writeWord(data, value);
        space.map(DATA, data, Access.READ_WRITE);
    }
}
