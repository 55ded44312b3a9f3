package org.l4emu.emulator.arm;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.engine.CounterCalibration;
import org.l4emu.emulator.engine.CounterOffsets;
import org.l4emu.emulator.physical.NativePhysicalMemory;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;
import org.l4emu.emulator.unicorn.UcError;

/**
 * Finds {@link EngineInternals} by running known user code in a scratch address space and
 * looking for the values it must leave behind: the instruction counter (the shared
 * {@link CounterCalibration}, with an ARM probe), and a fault address that appears nowhere
 * in the registers in the CPU state saved by the abort hook. Each finding is checked again
 * with other values, and the count semantics l4emu relies on are checked too.
 */
final class EngineCalibration {
    private static final int CODE_ADDRESS = 0x1000;
    private static final int SVC_AFTER_THREE_NOPS = CODE_ADDRESS;
    private static final int LOAD = CODE_ADDRESS + 0x10;
    private static final int STORE = CODE_ADDRESS + 0x14;
    private static final int UNDEFINED = CODE_ADDRESS + 0x18;
    private static final int YIELD = CODE_ADDRESS + 0x1C;
    private static final int UNMAPPED_CODE = 0x7000;
    private static final int DATA = 0x5000;
    private static final int[] CODE = {
        0xE320F000, // nop
        0xE320F000, // nop
        0xE320F000, // nop
        0xEF000000, // svc #0
        0xE5901004, // ldr r1, [r0, #4]
        0xE5801008, // str r1, [r0, #8]
        0xE7F000F0, // udf #0
        0xE320F001, // yield
        0xEF000000, // svc #0
    };
    private static final int[] LOAD_BASES = {0x7E5D3A00, 0x5C1E9700};
    private static final int[] STORE_BASES = {0x6B3C5E00, 0x4D7F2100};

    private final ArmCpu cpu;
    private final NativePhysicalMemory scratch;
    /** The scratch spaces' own: the machine's frames are not these. */
    private final CodeFrames scratchCode = new CodeFrames();
    private FastStores.Location userTlbs;
    /** uc_emu_start's result in the last {@link #run}. */
    private int lastCode;

    EngineCalibration(ArmCpu cpu, NativePhysicalMemory scratch) {
        this.cpu = cpu;
        this.scratch = scratch;
    }

    /**
     * Runs the calibration; leaves the CPU with no address space loaded and no code translated
     * from the scratch memory.
     */
    EngineInternals calibrate() {
        long code;
        ArmAddressSpace space;
        try {
            code = scratch.allocateFrame();
            for (int i = 0; i < CODE.length; i++) {
                scratch.writeWord(code + 4L * i, CODE[i]);
            }
            space = scratchSpace(code);
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("calibration scratch memory too small", e);
        }
        try {
            CounterOffsets counter = CounterCalibration.find(cpu.unicorn(), counterProbe(space));
            long faultAddressOffset = findFaultRecord(space);
            EngineInternals internals = new EngineInternals(counter, faultAddressOffset - 8, faultAddressOffset - 4,
                    faultAddressOffset);
            cpu.useInternals(internals);
            checkPrefetchAbort(space);
            checkUndefinedInstructionRecognised(space);
            userTlbs = findUserTlbs(space, code);
            return internals;
        } finally {
            space.destroy();
            cpu.unloadTranslation();
            cpu.discardTranslations(scratch.base(), scratch.size());
        }
    }

    /** Where QEMU keeps the user-mode TLB of each security state; after {@link #calibrate()}. */
    FastStores.Location userTlbs() {
        return userTlbs;
    }

    /** A space with the calibration code and a writable data page. */
    private ArmAddressSpace scratchSpace(long code) throws OutOfPhysicalMemoryException {
        ArmAddressSpace space = new ArmAddressSpace(scratch, scratchCode);
        space.map(CODE_ADDRESS, code, Access.READ_EXECUTE);
        space.map(DATA, scratch.allocateFrame(), Access.READ_WRITE);
        return space;
    }

    /**
     * A store in each security state, each then looked for in QEMU's TLBs: the space already
     * loaded holds one state; a second space enters the other.
     */
    private FastStores.Location findUserTlbs(ArmAddressSpace first, long code) {
        long[] byBank = new long[Bank.values().length];
        int pageBits = 0;
        ArmAddressSpace second;
        try {
            second = scratchSpace(code);
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("calibration scratch memory too small", e);
        }
        try {
            ReadableMemory memory = ReadableMemory.ofThisProcess();
            for (ArmAddressSpace space : new ArmAddressSpace[] {first, second}) {
                run(space, STORE, 10, DATA - 8);
                Bank bank = cpu.bankHolding(space);
                long[] found = FastStores.locateUserTlb(cpu.live(), memory, DATA);
                byBank[bank.ordinal()] = found[0];
                pageBits = (int) found[1];
            }
        } finally {
            second.destroy();
        }
        expect(byBank[Bank.SECURE.ordinal()] != 0 && byBank[Bank.NON_SECURE.ordinal()] != 0
                && byBank[Bank.SECURE.ordinal()] != byBank[Bank.NON_SECURE.ordinal()],
                "the two security states did not show two user-mode TLBs");
        return new FastStores.Location(byBank, pageBits);
    }

    /** The ARM probe: three nops and a svc at {@link #SVC_AFTER_THREE_NOPS}. */
    private CounterCalibration.Probe counterProbe(ArmAddressSpace space) {
        return new CounterCalibration.Probe() {
            @Override
            public boolean trapsAfterThreeInstructions(long limit) {
                ArmCpuContext context = run(space, SVC_AFTER_THREE_NOPS, limit, 0);
                return cpu.pendingException() == ArmException.SUPERVISOR_CALL
                        && context.register(ArmCpuContext.PC) == LOAD;
            }

            @Override
            public boolean stopsAfterTwoInstructions() {
                ArmCpuContext context = run(space, SVC_AFTER_THREE_NOPS, 2, 0);
                return cpu.pendingException() == ArmException.NONE
                        && context.register(ArmCpuContext.PC) == CODE_ADDRESS + 8;
            }
        };
    }

    /** Returns the offset of the fault address in a saved context. */
    private long findFaultRecord(ArmAddressSpace space) {
        List<Long> candidates = null;
        for (int round = 0; round < LOAD_BASES.length; round++) {
            List<Long> load = abortCandidates(space, LOAD, LOAD_BASES[round], LOAD_BASES[round] + 4, false);
            List<Long> store = abortCandidates(space, STORE, STORE_BASES[round], STORE_BASES[round] + 8, true);
            load.retainAll(store);
            if (candidates == null) {
                candidates = load;
            } else {
                candidates.retainAll(load);
            }
        }
        expect(candidates.size() == 1, "found " + candidates.size() + " candidates for the exception record");
        return candidates.get(0);
    }

    /**
     * Offsets where the snapshot holds {@code faultAddress} as a 64-bit value, preceded by a
     * translation-fault status with the right WnR bit and by a data-abort syndrome.
     */
    private List<Long> abortCandidates(ArmAddressSpace space, int instruction, int base, int faultAddress,
            boolean write) {
        ArmCpuContext context = run(space, instruction, 10, base);
        expect(cpu.pendingException() == ArmException.DATA_ABORT && context.register(ArmCpuContext.PC) == instruction,
                "access to unmapped 0x" + Integer.toHexString(faultAddress) + " was no data abort at the instruction");
        MemorySegment saved = cpu.record().bytes();
        List<Long> found = new ArrayList<>();
        for (long offset = 8; offset + 8 <= saved.byteSize(); offset += 4) {
            if (saved.get(ValueLayout.JAVA_LONG_UNALIGNED, offset) != Integer.toUnsignedLong(faultAddress)) {
                continue;
            }
            int status = saved.get(ValueLayout.JAVA_INT_UNALIGNED, offset - 4);
            int syndrome = saved.get(ValueLayout.JAVA_INT_UNALIGNED, offset - 8);
            if (FaultStatus.isTranslation(status) && FaultStatus.isWrite(status) == write
                    && ExceptionSyndrome.isDataAbort(syndrome)) {
                found.add(offset);
            }
        }
        return found;
    }

    private void checkPrefetchAbort(ArmAddressSpace space) {
        run(space, UNMAPPED_CODE, 10, 0);
        expect(cpu.pendingException() == ArmException.PREFETCH_ABORT && cpu.record().faultAddress() == UNMAPPED_CODE
                && FaultStatus.isTranslation(cpu.record().faultStatus()) && cpu.startedInstructions() == 0,
                "a jump to unmapped code did not give a prefetch abort at it before counting it");
    }

    /**
     * An undefined instruction must leave an undefined-instruction syndrome; a YIELD (which
     * Unicorn also stops on with UC_ERR_INSN_INVALID, after it) must leave the poison alone.
     */
    private void checkUndefinedInstructionRecognised(ArmAddressSpace space) {
        cpu.record().poison();
        ArmCpuContext context = run(space, UNDEFINED, 10, 0);
        expect(lastCode == UcError.INSN_INVALID.code() && context.register(ArmCpuContext.PC) == UNDEFINED
                && cpu.record().undefinedInstructionRaised(), "udf was not reported as an undefined instruction");
        context = run(space, YIELD, 10, 0);
        boolean yieldStopped = lastCode == UcError.INSN_INVALID.code()
                && context.register(ArmCpuContext.PC) == YIELD + 4 && !cpu.record().undefinedInstructionRaised();
        boolean yieldIgnored = cpu.pendingException() == ArmException.SUPERVISOR_CALL;
        expect(yieldStopped || yieldIgnored, "yield stopped the CPU in an unexpected way");
    }

    private ArmCpuContext run(ArmAddressSpace space, int address, long limit, int r0) {
        ArmCpuContext context = new ArmCpuContext(address, 0);
        context.setRegister(0, r0);
        cpu.prepare(context, space);
        lastCode = cpu.emulate(address, limit);
        expect(lastCode == UcError.OK.code() || lastCode == UcError.INSN_INVALID.code(),
                "uc_emu_start failed with uc_err " + lastCode);
        cpu.saveInto(context);
        return context;
    }
}
