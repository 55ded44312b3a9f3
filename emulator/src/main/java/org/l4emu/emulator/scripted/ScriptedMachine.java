package org.l4emu.emulator.scripted;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.physical.AnonymousMapping;
import org.l4emu.emulator.physical.NativePhysicalMemory;

/**
 * A {@link Machine} without a CPU: threads are register arrays whose code is a {@link Program}
 * written in Java, address spaces are page maps over an in-memory {@link PhysicalMemory}, and
 * the traps (system calls with chosen registers, page faults, exceptions, ends of budget) are
 * what the programs' {@link Step}s make them. It honours the machine contract to the letter:
 * instruction counts are exact and deterministic (every step says how many instructions it
 * takes), budgets end runs wherever they fall, memory accesses fault exactly when the space
 * lacks the rights, and system calls go to a {@code TrapHandler} through the default loop. It
 * knows nothing of L4: the architecture decides only the register names and the system call
 * convention, the same as the real CPU's.
 *
 * <p>For kernel tests that need no guest binary and for fuzzing the kernel at millions of
 * system calls a second. Not thread safe.
 */
public final class ScriptedMachine implements Machine {
    /** Enough for a system of a few hundred threads; the real machines default to far more. */
    public static final long DEFAULT_MEMORY_BYTES = 64L << 20;

    private final Architecture architecture;
    private final RegisterConvention convention;
    private final PageTableCost pageTables;
    private final AnonymousMapping host;
    private final NativePhysicalMemory memory;
    private Program defaultProgram;
    private long retired;
    private boolean closed;

    public ScriptedMachine(Architecture architecture) {
        this(architecture, DEFAULT_MEMORY_BYTES);
    }

    /** A machine with {@code memoryBytes} of physical memory (a multiple of 4 KiB). */
    public ScriptedMachine(Architecture architecture, long memoryBytes) {
        if (memoryBytes <= PhysicalMemory.PAGE_SIZE || memoryBytes % PhysicalMemory.PAGE_SIZE != 0) {
            throw new IllegalArgumentException("physical memory must be a multiple of 4 KiB above one page: "
                    + memoryBytes);
        }
        this.architecture = architecture;
        this.convention = RegisterConvention.of(architecture);
        this.pageTables = PageTableCost.of(architecture);
        this.host = AnonymousMapping.reserve(memoryBytes);
        // Frame 0 is never handed out, as on the real machines, so that 0 is never a frame.
        this.memory = new NativePhysicalMemory(host.segment(), 0, memoryBytes, PhysicalMemory.PAGE_SIZE,
                (address, length) -> host.segment().asSlice(address, length).fill((byte) 0));
    }

    /** The program of every thread that has none of its own ({@link ScriptedContext#setProgram}). */
    public void setDefaultProgram(Program program) {
        this.defaultProgram = program;
    }

    @Override
    public Architecture architecture() {
        return architecture;
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
    }

    /**
     * A new, empty address space. Throws {@link IllegalStateException} caused by
     * {@link OutOfPhysicalMemoryException} when no frames are left for its page tables.
     */
    @Override
    public AddressSpace createAddressSpace() {
        checkOpen();
        try {
            return new ScriptedSpace(memory, pageTables);
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("no physical memory left for a page table", e);
        }
    }

    /** True when {@code space} is a space of this machine not yet destroyed (its page tables still held). */
    public boolean isLive(AddressSpace space) {
        return space instanceof ScriptedSpace scripted && !scripted.isDestroyed();
    }

    @Override
    public ScriptedContext createContext(int entry, int stackPointer) {
        return new ScriptedContext(convention, entry, stackPointer);
    }

    @Override
    public Trap run(CpuContext context, AddressSpace space, long maxInstructions) {
        checkOpen();
        if (!(context instanceof ScriptedContext thread)) {
            throw new IllegalArgumentException("not a scripted context: " + context);
        }
        if (!(space instanceof ScriptedSpace scriptedSpace) || scriptedSpace.isDestroyed()) {
            throw new IllegalArgumentException("not a live scripted address space: " + space);
        }
        if (maxInstructions < 1) {
            throw new IllegalArgumentException("instruction budget " + maxInstructions + " (at least 1)");
        }
        long budget = maxInstructions;
        while (true) {
            Step step = thread.currentStep();
            if (step == null) {
                step = nextStep(thread);
                thread.begin(step);
            }
            // Every instruction of the step before its own is plain work.
            long work = step.instructions() - 1 - thread.progress();
            if (work >= budget) {
                retire(thread, budget);
                return Trap.BUDGET_EXHAUSTED;
            }
            retire(thread, work);
            budget -= work;
            Trap trap = execute(thread, scriptedSpace, step);
            if (trap != null) {
                return trap;
            }
            budget--;
            if (budget == 0) {
                return Trap.BUDGET_EXHAUSTED;
            }
        }
    }

    private Step nextStep(ScriptedContext thread) {
        Program program = thread.program() != null ? thread.program() : defaultProgram;
        if (program == null) {
            throw new IllegalStateException(thread + " has no program (and the machine has no default program)");
        }
        Step step = program.next(thread);
        if (step == null) {
            throw new IllegalStateException(thread + " ran off the end of its program");
        }
        return step;
    }

    /** The step's own instruction; returns the trap it raises, or null when the thread goes on. */
    private Trap execute(ScriptedContext thread, ScriptedSpace space, Step step) {
        switch (step) {
            case Step.Syscall syscall -> {
                thread.setSyscallRegisters(syscall);
                retire(thread, 1);
                thread.finishStep();
                return Trap.SYSCALL;
            }
            case Step.Touch touch -> {
                if (!space.permits(touch.address(), touch.access())) {
                    return new Trap.PageFault(touch.address(), touch.access(), thread.instructionPointer());
                }
            }
            case Step.Store store -> {
                if (!space.permits(store.address(), Access.WRITE)) {
                    return new Trap.PageFault(store.address(), Access.WRITE,
                            thread.instructionPointer());
                }
                memory.writeWord(space.translate(store.address()), store.value());
            }
            case Step.Raise raise -> {
                return new Trap.CpuException(raise.kind(), raise.address(), thread.instructionPointer());
            }
            case Step.Compute compute -> { }
        }
        retire(thread, 1);
        thread.finishStep();
        return null;
    }

    private void retire(ScriptedContext thread, long instructions) {
        thread.retire(instructions);
        retired += instructions;
    }

    @Override
    public long instructionsRetired() {
        return retired;
    }

    /** Nothing to flush: no code is translated. */
    @Override
    public void flushCodeCache() {
        checkOpen();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            host.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("machine closed");
        }
    }
}
