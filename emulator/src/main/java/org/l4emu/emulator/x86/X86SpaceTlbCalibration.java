package org.l4emu.emulator.x86;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.lang.foreign.MemorySegment;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.host.ReadableMemory;
import org.l4emu.emulator.physical.NativePhysicalMemory;
import org.l4emu.emulator.spacetlb.BlockTagSearch;
import org.l4emu.emulator.spacetlb.BlockTags;
import org.l4emu.emulator.spacetlb.SpaceTlbCheck;
import org.l4emu.emulator.spacetlb.SpaceTlbLayout;
import org.l4emu.emulator.spacetlb.SpaceTlbs;
import org.l4emu.emulator.spacetlb.UserTlbSearch;

/**
 * Finds what spaces keeping their own TLB need ({@link SpaceTlbs}) on a fresh {@link X86Cpu}, by
 * running probe code in scratch spaces: QEMU's CPU state and CR3 in it ({@link X86CpuState}),
 * the user-mode TLB by a store's entry ({@link UserTlbSearch}), the descriptors, dirty bitmap
 * and jump cache by what runs leave behind ({@link SpaceTlbLayout}); then checks the swapping on
 * spaces with different code and data at the same addresses ({@link SpaceTlbCheck}). Anything
 * not found as exactly one candidate, or a space that runs another's code or data, throws
 * {@link org.l4emu.emulator.engine.InternalsNotRecognised}. Leaves the CPU as after set-up, with
 * nothing cached from the scratch memory.
 */
final class X86SpaceTlbCalibration {
    /** x86_64's {@code target_ulong}, its 4 KiB pages, and TLB_NOTDIRTY, 1 << (TARGET_PAGE_BITS_MIN - 2). */
    private static final UserTlbSearch.Target TARGET = new UserTlbSearch.Target(Long.BYTES, new int[] {12}, 0x400);
    private static final int CODE = SpaceTlbCheck.CODE;
    private static final int DATA = SpaceTlbCheck.DATA;
    /** A second mapping of the code, whose blocks sit in another part of QEMU's jump cache. */
    private static final int SECOND_CODE = 0x3000;
    /** {@code mov %ecx, (%ebx); int $0x80}. */
    private static final byte[] STORE = {(byte) 0x89, 0x0B, (byte) 0xCD, (byte) 0x80};
    private static final int LIMIT = 10;

    /** What was found: where the TLB's parts lie, and the CPU state CR3 is written in. */
    record Found(SpaceTlbLayout layout, X86CpuState state) {
    }

    private final X86Cpu cpu;
    private final NativePhysicalMemory scratch;
    private final MemorySegment ram;
    /** The scratch spaces' own: the machine's frames are not these. */
    private final ExecutableFrames scratchCode = new ExecutableFrames();

    /** {@code ram}: host memory from physical 0, which holds the scratch memory's frames. */
    X86SpaceTlbCalibration(X86Cpu cpu, NativePhysicalMemory scratch, MemorySegment ram) {
        this.cpu = cpu;
        this.scratch = scratch;
        this.ram = ram;
    }

    /** {@code known}: the CPU state found already (by the live registers), or null. */
    Found find(X86CpuState known) {
        try {
            ReadableMemory memory = ReadableMemory.ofThisProcess();
            X86CpuState state = known != null ? known : X86CpuState.locate(cpu.unicorn(), memory);
            cpu.forgetException();
            SpaceTlbLayout layout = findLayout(state, memory);
            check(new SpaceTlbs(layout, scratchCode::codeGeneration), state);
            return new Found(layout, state);
        } finally {
            leaveClean();
        }
    }

    /**
     * Finds QEMU's cluster index ({@link BlockTagSearch}) with what {@link #find} found, then
     * runs {@link SpaceTlbCheck} again with each space's code tagged ({@link BlockTags}); its
     * address.
     */
    long findBlockTags(Found found) {
        try {
            X86AddressSpace space = probeSpace();
            long field;
            try {
                field = BlockTagSearch.locate(found.layout(), probe(space), CODE);
            } finally {
                space.destroy();
                cpu.unloadTranslation();
            }
            check(new SpaceTlbs(found.layout(), scratchCode::codeGeneration, field), found.state());
            return field;
        } finally {
            leaveClean();
        }
    }

    /** No space keeps a TLB, and nothing translated from the scratch memory is left. */
    private void leaveClean() {
        cpu.useSpaceTlbs(null, null);
        cpu.discardTranslations(scratch.base(), scratch.size());
        cpu.forgetException();
    }

    private SpaceTlbLayout findLayout(X86CpuState state, ReadableMemory memory) {
        X86AddressSpace space = probeSpace();
        try {
            run(space, CODE);
            UserTlbSearch.Found pair = UserTlbSearch.locate(state.address(), memory, TARGET, DATA);
            return SpaceTlbLayout.find(pair.shape(), new long[] {pair.pair()}, memory, probe(space), CODE, SECOND_CODE);
        } finally {
            space.destroy();
            cpu.unloadTranslation();
        }
    }

    /** A scratch space with the store probe at {@link #CODE} and {@link #SECOND_CODE}, and a data page. */
    private X86AddressSpace probeSpace() {
        X86AddressSpace space = newSpace();
        try {
            long code = scratch.allocateFrame();
            scratch.write(code, STORE, 0, STORE.length);
            space.map(CODE, code, Access.READ_EXECUTE);
            space.map(SECOND_CODE, code, Access.READ_EXECUTE);
            space.map(DATA, scratch.allocateFrame(), Access.READ_WRITE);
            return space;
        } catch (OutOfPhysicalMemoryException e) {
            space.destroy();
            throw new IllegalStateException("calibration scratch memory too small", e);
        }
    }

    /** Runs the store probe in {@code space}. */
    private SpaceTlbLayout.Probe probe(X86AddressSpace space) {
        return SpaceTlbLayout.Probe.of(cpu::unloadTranslation, regime -> {
            cpu.unloadTranslation();
            run(space, CODE);
        }, pc -> run(space, pc));
    }

    private void check(SpaceTlbs spaceTlbs, X86CpuState state) {
        cpu.useSpaceTlbs(spaceTlbs, state);
        SpaceTlbCheck.check(scratch, new SpaceTlbCheck.Machine<X86AddressSpace>() {
            @Override
            public byte[] code(int number) {
                // mov $number, %eax; mov (%ebx), %ecx; int $0x80
                return new byte[] {(byte) 0xB8, (byte) number, (byte) (number >>> 8), (byte) (number >>> 16),
                    (byte) (number >>> 24), (byte) 0x8B, 0x0B, (byte) 0xCD, (byte) 0x80};
            }

            @Override
            public X86AddressSpace newSpace() {
                return X86SpaceTlbCalibration.this.newSpace();
            }

            @Override
            public boolean ranOwnCode(X86AddressSpace space, int pc, int number, int data) {
                X86CpuContext thread = runToSyscall(space, pc, DATA);
                return thread != null && thread.register(X86CpuContext.EAX) == number
                        && thread.register(X86CpuContext.ECX) == data;
            }
        });
    }

    private X86AddressSpace newSpace() {
        try {
            return new X86AddressSpace(scratch, ram, scratchCode);
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("calibration scratch memory too small", e);
        }
    }

    /** Runs the probe at {@code pc} in {@code space} with EBX at the data page, to its system call. */
    private void run(X86AddressSpace space, int pc) {
        expect(runToSyscall(space, pc, DATA) != null,
                () -> "the TLB probe at 0x" + Integer.toHexString(pc) + " did not reach its system call");
    }

    /** Runs {@code space} from {@code pc} with EBX set; the thread after its system call, or null if it stopped otherwise. */
    private X86CpuContext runToSyscall(X86AddressSpace space, int pc, int ebx) {
        X86CpuContext thread = new X86CpuContext(pc, 0);
        thread.setRegister(X86CpuContext.EBX, ebx);
        cpu.prepare(thread, space);
        int code = cpu.emulate(pc, LIMIT);
        cpu.saveInto(thread);
        return code == 0 && cpu.pendingVector() == X86Vector.SYSCALL ? thread : null;
    }
}
