package org.l4emu.emulator.arm;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.unicorn.MemoryHook;
import org.l4emu.emulator.unicorn.UcMemType;

/**
 * {@link Aborts} through Unicorn's public API and l4emu's own page tables.
 *
 * <p>A prefetch abort is at the PC, or, when the PC's page is executable, at the next page (a
 * 32-bit Thumb instruction that crosses into it). A data abort: the instruction runs again in
 * a {@link ProbeSpace}, where every access succeeds, with a memory hook listing its accesses in
 * the order QEMU makes them; the first that the thread's space does not allow is the fault,
 * at its address, or at the start of the next page for the part of an access that crosses into
 * it (where QEMU looks up the second page). An instruction that aborts in the probe space too
 * breaks an alignment rule: on this CPU (SCTLR.A clear, VFP off) only the exclusive loads and
 * stores have one, and their single access is at the address {@link ExclusiveAccess} computes.
 */
final class PublicAborts implements Aborts, MemoryHook {
    private static final int MAX_ACCESSES = 64;
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;

    private final ArmCpu cpu;
    private final ProbeSpace probe;
    private final int[] types = new int[MAX_ACCESSES];
    private final long[] addresses = new long[MAX_ACCESSES];
    private final int[] sizes = new int[MAX_ACCESSES];
    private int accessCount;

    PublicAborts(ArmCpu cpu, ProbeSpace probe) {
        this.cpu = cpu;
        this.probe = probe;
    }

    @Override
    public void capture() {
        // Nothing to keep: the page tables and the registers describe the abort afterwards.
    }

    @Override
    public Trap prefetchAbort(ArmCpuContext thread, ArmAddressSpace space) {
        int pc = thread.register(ArmCpuContext.PC);
        int ip = thread.instructionPointer();
        if (!space.userRights(pc).executable()) {
            return new Trap.PageFault(pc, Access.EXECUTE, ip);
        }
        int nextPage = (pc & -PAGE) + PAGE;
        if (thread.thumb() && pc + 2 == nextPage && isThumb32(space.readHalfword(pc))
                && !space.userRights(nextPage).executable()) {
            return new Trap.PageFault(nextPage, Access.EXECUTE, ip);
        }
        return new Trap.CpuException(Trap.Kind.OTHER, pc, ip);
    }

    @Override
    public Trap dataAbort(ArmCpuContext thread, ArmAddressSpace space) {
        int pc = thread.instructionPointer();
        accessCount = 0;
        int exception;
        long table = probe.prepareFor(space, thread.register(ArmCpuContext.PC));
        try {
            cpu.discardTranslations(probe.codeStart(), probe.codeLength());
            exception = cpu.runAgainWith(thread, table, this);
        } finally {
            probe.restore();
            cpu.discardTranslations(probe.codeStart(), probe.codeLength());
        }
        for (int i = 0; i < accessCount; i++) {
            Access needed = types[i] == UcMemType.WRITE ? Access.WRITE : Access.READ;
            int address = (int) addresses[i];
            if (!space.userRights(address).covers(needed)) {
                return new Trap.PageFault(address, needed, pc);
            }
            int last = address + sizes[i] - 1;
            if ((last & -PAGE) != (address & -PAGE) && !space.userRights(last).covers(needed)) {
                return new Trap.PageFault(last & -PAGE, needed, pc);
            }
        }
        if (exception == ArmException.DATA_ABORT) {
            Integer address = ExclusiveAccess.address(thread, space);
            if (address != null) {
                return new Trap.CpuException(Trap.Kind.ALIGNMENT, address, pc);
            }
        }
        return new Trap.CpuException(Trap.Kind.OTHER, pc, pc);
    }

    /** A first halfword whose top five bits are 0b11101, 0b11110 or 0b11111 starts a 32-bit Thumb instruction. */
    private static boolean isThumb32(int firstHalfword) {
        int top = (firstHalfword >>> 11) & 0x1F;
        return top == 0b11101 || top == 0b11110 || top == 0b11111;
    }

    /** Undefined when the code hook last saw the instruction at the PC start: a completed hint leaves the PC after it. */
    @Override
    public InvalidInstruction invalidInstruction(long pc) {
        return cpu.publicCounter().lastStartedAt(pc) ? InvalidInstruction.UNDEFINED : InvalidInstruction.HINT;
    }

    @Override
    public void onAccess(int type, long address, int size, long value) {
        if (type == UcMemType.WRITE) {
            probe.aboutToWrite(address, size);
        }
        if (accessCount < MAX_ACCESSES) {
            types[accessCount] = type;
            addresses[accessCount] = address;
            sizes[accessCount] = size;
            accessCount++;
        }
    }
}
