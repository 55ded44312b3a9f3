package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Trap;

/**
 * TPIDRURW and TEEHBR, the registers outside r0-r15 and CPSR that user code can write, belong
 * to the thread: each starts at 0 and sees only its own writes, whichever security state its
 * space sits in (TPIDRURW is banked by it, TEEHBR is not) and however the CPU switched to it.
 */
class ArmThreadRegistersTest {
    /** Reads both into r0 and r1, traps; writes r2 and r3 into them, traps; loops. */
    private static final int[] READ_WRITE_LOOP = {Arm.MRC_TPIDRURW_R0, Arm.MRC_TEEHBR_R1, Arm.SVC_0,
        Arm.MCR_TPIDRURW_R2, Arm.MCR_TEEHBR_R3, Arm.SVC_0, Arm.branch(-6)};

    private final GuestMachine guest = new GuestMachine();
    private final List<ArmCpuContext> threads = new ArrayList<>();
    private final List<AddressSpace> spaces = new ArrayList<>();
    /** What each thread last wrote: {TPIDRURW, TEEHBR}. */
    private final List<int[]> written = new ArrayList<>();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void eachThreadSeesOnlyItsOwnWhereverItsSpaceIsCached() {
        long code = guest.frame();
        guest.writeArm(code, READ_WRITE_LOOP);
        // Two threads share the first space; four spaces in all, so spaces move between the two
        // security states and evict each other.
        int[] spaceOf = {0, 0, 1, 2, 3};
        for (int i = 0; i < 4; i++) {
            AddressSpace space = guest.newSpace();
            space.map(GuestMachine.CODE, code, Access.READ_EXECUTE);
            spaces.add(space);
        }
        for (int i = 0; i < spaceOf.length; i++) {
            threads.add(guest.context(GuestMachine.CODE));
            written.add(new int[] {0, 0});
        }
        int[] order = {0, 1, 2, 3, 4, 0, 1, 0, 2, 2, 3, 1, 4, 4, 0, 3, 2, 1, 0, 4, 1, 3, 2, 0, 0, 1, 4, 3, 2, 1, 0,
            2, 4, 3, 3, 1, 0, 2, 4, 1, 0, 3, 2, 4, 1, 0};
        int round = 0;
        for (int i : order) {
            ArmCpuContext thread = threads.get(i);
            AddressSpace space = spaces.get(spaceOf[i]);
            assertEquals(Trap.SYSCALL, guest.run(thread, space));
            int[] expected = written.get(i);
            assertEquals(expected[0], thread.argument(0), "TPIDRURW of thread " + i + " at step " + round);
            assertEquals(expected[1], thread.argument(1), "TEEHBR of thread " + i + " at step " + round);
            int tls = 0x7100_0000 + (i << 16) + round;
            int handlerBase = 0x6200_0000 + (i << 16) + 4 * round;
            thread.setRegister(2, tls);
            thread.setRegister(3, handlerBase);
            assertEquals(Trap.SYSCALL, guest.run(thread, space));
            written.set(i, new int[] {tls, handlerBase});
            assertEquals(tls, thread.userThreadRegister());
            assertEquals(handlerBase, thread.thumbEeHandlerBase());
            round++;
        }
    }

    @Test
    void aThreadSwitchedToInsideTheTrapSeesItsOwn() {
        AddressSpace first = guest.newSpace();
        AddressSpace second = guest.newSpace();
        long code = guest.arm(first, GuestMachine.CODE, READ_WRITE_LOOP);
        second.map(GuestMachine.CODE, code, Access.READ_EXECUTE);
        ArmCpuContext writer = guest.context(GuestMachine.CODE);
        ArmCpuContext sameSpace = guest.context(GuestMachine.CODE);
        ArmCpuContext otherSpace = guest.context(GuestMachine.CODE);
        writer.setRegister(2, 0x1234_ABCD);
        writer.setRegister(3, 0x5678);
        List<String> seen = new ArrayList<>();
        // writer: reads, writes; then each other thread reads; then the writer reads again.
        List<CpuContext> plan = List.of(writer, writer, sameSpace, otherSpace, writer);
        int[] step = {0};

        Trap trap = guest.machine.run(writer, first, 1000, (context, next) -> {
            ArmCpuContext thread = (ArmCpuContext) context;
            if (thread.instructionPointer() == GuestMachine.CODE + 12) {
                seen.add(Integer.toHexString(thread.argument(0)) + " " + Integer.toHexString(thread.argument(1)));
            }
            step[0]++;
            if (step[0] == plan.size()) {
                return false;
            }
            CpuContext following = plan.get(step[0]);
            next.set(following, following == otherSpace ? second : first, 1000);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of("0 0", "0 0", "0 0", "1234abcd 5678"), seen);
    }
}
