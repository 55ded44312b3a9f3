package org.l4emu.emulator.x86;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.EmulatorUnavailableException;
import org.l4emu.emulator.debug.HookAddresses;
import org.l4emu.emulator.unicorn.UcProt;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * Finds out at start-up, by behaviour rather than by version, whether this Unicorn's IA-32
 * paging is what the one-engine design ({@link X86Machine}) needs: a page table that maps one
 * linear page to another frame must make a load read that frame (Unicorn 2.0.1 reads the frame
 * at the linear address instead), and a fetch from a page marked execute-disable must fault. It
 * also finds out whether a host write of CR3 empties the TLB, as the architecture says, or
 * whether the machine must flush it too, and which address memory hooks see for the load (the
 * linear or the physical one). Runs once per process, on an engine of its own.
 */
final class PagingProbe {
    /** What the probe found. */
    record Result(boolean translates, boolean cr3WriteFlushes, HookAddresses hookAddresses) {
    }

    private static final long FRAMES = 0x10000;
    private static final int FRAME_COUNT = 3;
    private static final long FIRST_FRAME = FRAMES;
    private static final long SECOND_FRAME = FRAMES + KernelLayout.PAGE_SIZE;
    private static final long NO_EXECUTE_FRAME = FRAMES + 2L * KernelLayout.PAGE_SIZE;
    /** Kernel-range pages the probe maps for user code (the kernel page table covers the top 2 MiB). */
    private static final long DATA = 0xFFFF_0000L;
    private static final long NO_EXECUTE = 0xFFFF_1000L;
    private static final int FIRST_MARK = 0x1234_5678;
    private static final int SECOND_MARK = 0x7654_3210;
    /** User code on the entry page, after the counter probe and before the stub's stack. */
    private static final long CODE = KernelLayout.ENTRY_PAGE + 0x80;
    private static final byte[] LOAD_THEN_SYSCALL = {
        (byte) 0xA1, 0x00, 0x00, (byte) 0xFF, (byte) 0xFF, // mov DATA, %eax
        (byte) 0xCD, (byte) 0x80,                         // int $0x80
    };
    private static final long JUMP = CODE + 0x20;

    private static Result result;

    private PagingProbe() {
    }

    /** The finding, probed on first use. */
    static synchronized Result result() {
        if (result == null) {
            result = probe();
        }
        return result;
    }

    private static Result probe() {
        try (Arena arena = Arena.ofConfined(); Unicorn engine = X86Engine.open()) {
            KernelRegion kernel = new KernelRegion(arena);
            MemorySegment frames = arena.allocate(FRAME_COUNT * KernelLayout.PAGE_SIZE, KernelLayout.PAGE_SIZE);
            frames.set(ValueLayout.JAVA_INT, 0, FIRST_MARK);
            frames.set(ValueLayout.JAVA_INT, KernelLayout.PAGE_SIZE, SECOND_MARK);
            kernel.map(DATA, FIRST_FRAME, Access.READ);
            kernel.map(NO_EXECUTE, NO_EXECUTE_FRAME, Access.READ_WRITE);
            engine.mapMemory(FRAMES, frames.byteSize(), UcProt.ALL, frames);
            engine.mapMemory(KernelLayout.KERNEL_REGION, kernel.memory().byteSize(), UcProt.ALL, kernel.memory());
            int[] vector = {X86Vector.NONE};
            long[] loaded = {-1};
            engine.addInterruptHook(number -> {
                vector[0] = number;
                engine.stop();
            });
            engine.addInvalidMemoryHook((type, address, size) -> false);
            engine.writeMemory(CODE, LOAD_THEN_SYSCALL);
            engine.writeMemory(JUMP, jumpTo(JUMP, NO_EXECUTE));
            try {
                UserModeEntry.enter(engine, UserModeEntry.Paging.ON);
            } catch (EmulatorUnavailableException e) {
                return new Result(false, false, HookAddresses.VIRTUAL);
            }
            // Added only now: segment register writes read descriptors through memory hooks, and
            // register writes are critical downcalls, which must not call back into Java.
            engine.addMemoryHook((type, address, size, value) -> {
                if (loaded[0] < 0) {
                    loaded[0] = address;
                }
            });
            if (load(engine, vector) != FIRST_MARK || !fetchFaults(engine, vector)) {
                return new Result(false, false, HookAddresses.VIRTUAL);
            }
            HookAddresses hooks = loaded[0] == FIRST_FRAME ? HookAddresses.PHYSICAL : HookAddresses.VIRTUAL;
            kernel.map(DATA, SECOND_FRAME, Access.READ);
            engine.writeRegister(X86Register.CR3, (int) KernelLayout.BOOT_PDPT);
            return new Result(true, load(engine, vector) == SECOND_MARK, hooks);
        }
    }

    /** What user code reads at {@link #DATA}, or 0 when it did not get to the system call after the load. */
    private static int load(Unicorn engine, int[] vector) {
        vector[0] = X86Vector.NONE;
        int code = engine.emulate(CODE, 0, 0, 2);
        return code == 0 && vector[0] == X86Vector.SYSCALL ? engine.readRegister(X86Register.EAX) : 0;
    }

    /** True when jumping to the execute-disabled page faults there. */
    private static boolean fetchFaults(Unicorn engine, int[] vector) {
        vector[0] = X86Vector.NONE;
        int code = engine.emulate(JUMP, 0, 0, 2);
        return code == 0 && vector[0] == X86Vector.PAGE_FAULT
                && Integer.toUnsignedLong(engine.readRegister(X86Register.CR2)) == NO_EXECUTE;
    }

    /** {@code jmp rel32} from {@code at} to {@code target}. */
    private static byte[] jumpTo(long at, long target) {
        int displacement = (int) (target - (at + 5));
        return new byte[] {(byte) 0xE9, (byte) displacement, (byte) (displacement >>> 8), (byte) (displacement >>> 16),
            (byte) (displacement >>> 24)};
    }
}
