package org.l4emu.emulator.arm;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.l4emu.emulator.host.MemorySearch;
import org.l4emu.emulator.unicorn.ArmRegister;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * The engine's live QEMU CPU state ({@code CPUARMState}), read and written in place. Its first
 * field is {@code uint32_t regs[16]}: r0-r12, sp, lr and pc of the current (user) mode.
 *
 * <p>Why not Unicorn's register calls: those decode each register through a switch (about 4 ns
 * a register), and a PC write makes Unicorn leave its CPU loop and enter it again. Between
 * translated blocks, where the interrupt hook runs, QEMU keeps these registers nowhere but
 * here, so a thread switch is a 64-byte copy each way. CPSR still goes through Unicorn: QEMU
 * keeps it split into flag fields and derives cached state from it.
 *
 * <p>Unicorn does not say where the state is. {@link #locate} finds it the way the other
 * calibrations do: it writes known values into the registers with Unicorn's calls and looks for
 * them, in the memory that the pointers in {@code struct uc_struct} lead to (its {@code cpu}
 * field points at the object that holds the state), reading only mapped memory.
 */
@SuppressWarnings("restricted") // the state lives in the engine's heap, at an address found at start-up
final class LiveCpuState implements CoreRegisters {
    /** Registers r0-r15 as QEMU keeps them. */
    static final int CORE_REGISTERS = 16;
    /** Everything, for absolute addresses; reads are checked against {@link ReadableMemory} first. */
    static final MemorySegment PROCESS = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final int ENGINE_SCAN_BYTES = 4096;
    /** How far past a pointer to look: the CPU object holds a 32 KiB jump cache before the state. */
    private static final int OBJECT_SCAN_BYTES = 128 * 1024;
    /** r0-r14; PC is left alone, as a PC write asks Unicorn to leave its loop. */
    private static final int SIGNATURE_REGISTERS = 15;
    private static final int FIRST_SIGNATURE = 0x5A5A_0000;
    private static final int SECOND_SIGNATURES = 0x3C00_0000;
    private static final AtomicInteger SEARCHES = new AtomicInteger();

    private final long address;

    private LiveCpuState(long address) {
        this.address = address;
    }

    /** The address of {@code env->regs[0]}. */
    long address() {
        return address;
    }

    // Word by word rather than MemorySegment.copy, whose array view of a Java array is an
    // allocation that escape analysis does not always remove: these run on every thread switch.

    @Override
    public void read(int[] into) {
        for (int r = 0; r < CORE_REGISTERS; r++) {
            into[r] = PROCESS.get(ValueLayout.JAVA_INT, address + (long) r * Integer.BYTES);
        }
    }

    /** Sets r0-r15; r15 is the PC without the Thumb bit, which CPSR.T gives. */
    @Override
    public void write(int[] from) {
        for (int r = 0; r < CORE_REGISTERS; r++) {
            PROCESS.set(ValueLayout.JAVA_INT, address + (long) r * Integer.BYTES, from[r]);
        }
    }

    @Override
    public boolean writesPc() {
        return true;
    }

    /**
     * Checks the state against Unicorn's own register calls, both ways: a value written here
     * must read back through Unicorn, and one Unicorn writes must appear here.
     */
    void checkAgainst(Unicorn unicorn) {
        int[] values = new int[CORE_REGISTERS];
        read(values);
        int[] probe = values.clone();
        for (int r = 0; r <= 12; r++) {
            probe[r] = signatureValue(0x6E6E_0000, r);
        }
        write(probe);
        boolean readBack = true;
        for (int r = 0; r <= 12; r++) {
            readBack &= unicorn.readRegister(ArmRegister.general(r)) == probe[r];
        }
        unicorn.writeRegister(ArmRegister.R7, 0x1234_5678);
        int[] after = new int[CORE_REGISTERS];
        read(after);
        write(values);
        expect(readBack && after[7] == 0x1234_5678, "the live CPU state and Unicorn's register calls disagree");
    }

    /**
     * Finds the state of {@code unicorn}'s CPU; the registers it wrote to find it are left changed.
     * The first signature may also lie in the freed state of an engine closed before, so only the
     * candidate that follows a second signature, one no engine of this process was given before,
     * is the live one.
     */
    static LiveCpuState locate(Unicorn unicorn, ReadableMemory memory) {
        writeSignature(unicorn, FIRST_SIGNATURE);
        List<Long> candidates = new ArrayList<>();
        long engine = unicorn.handle().address();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment signature = signature(FIRST_SIGNATURE, arena);
            for (long offset = 0; offset + Long.BYTES <= ENGINE_SCAN_BYTES; offset += Long.BYTES) {
                if (memory.readableBytes(engine + offset, Long.BYTES) < Long.BYTES) {
                    break;
                }
                long pointer = PROCESS.get(ValueLayout.JAVA_LONG_UNALIGNED, engine + offset);
                long candidate = findSignature(memory, pointer, signature);
                if (candidate != 0 && !candidates.contains(candidate)) {
                    candidates.add(candidate);
                }
            }
        }
        int second = secondSignature();
        writeSignature(unicorn, second);
        List<Long> live = candidates.stream().filter(candidate -> hasSignature(candidate, second)).toList();
        expect(!candidates.isEmpty(), "found no candidate for the live CPU state");
        expect(live.size() == 1, "found " + live.size() + " of " + candidates.size()
                + " candidates for the live CPU state following a register write");
        return new LiveCpuState(live.getFirst());
    }

    /** A signature base of its own for each search (bases 0x1000 apart never share a value). */
    private static int secondSignature() {
        return SECOND_SIGNATURES + (SEARCHES.getAndIncrement() & 0xFFF) * 0x1000;
    }

    private static void writeSignature(Unicorn unicorn, int base) {
        for (int r = 0; r <= 12; r++) {
            unicorn.writeRegister(ArmRegister.general(r), signatureValue(base, r));
        }
        unicorn.writeRegister(ArmRegister.SP, signatureValue(base, 13));
        unicorn.writeRegister(ArmRegister.LR, signatureValue(base, 14));
    }

    private static int signatureValue(int base, int register) {
        return base + register * 0x111;
    }

    /** The values {@link #writeSignature} writes, as they lie in memory. */
    private static MemorySegment signature(int base, Arena arena) {
        MemorySegment words = arena.allocate(ValueLayout.JAVA_INT, SIGNATURE_REGISTERS);
        for (int r = 0; r < SIGNATURE_REGISTERS; r++) {
            words.setAtIndex(ValueLayout.JAVA_INT, r, signatureValue(base, r));
        }
        return words;
    }

    /** The address in the mapped memory from {@code start} on where {@code signature} lies, word aligned, or 0. */
    private static long findSignature(ReadableMemory memory, long start, MemorySegment signature) {
        long aligned = (start + 3) & ~3L;
        long readable = memory.readableBytes(aligned, OBJECT_SCAN_BYTES);
        if (readable < signature.byteSize()) {
            return 0;
        }
        long found = MemorySearch.indexOf(PROCESS.asSlice(aligned, readable), signature, 0, Integer.BYTES);
        return found < 0 ? 0 : aligned + found;
    }

    private static boolean hasSignature(long at, int base) {
        for (int r = 0; r < SIGNATURE_REGISTERS; r++) {
            if (PROCESS.get(ValueLayout.JAVA_INT_UNALIGNED, at + (long) r * Integer.BYTES) != signatureValue(base, r)) {
                return false;
            }
        }
        return true;
    }
}
