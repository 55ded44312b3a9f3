package org.l4emu.emulator.arm;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;
import org.l4emu.emulator.debug.HookAddresses;
import org.l4emu.emulator.engine.CodeHookCounter;
import org.l4emu.emulator.engine.CounterCalibration;
import org.l4emu.emulator.engine.CounterCheck;
import org.l4emu.emulator.engine.InternalsNotRecognised;
import org.l4emu.emulator.host.MemorySearch;
import org.l4emu.emulator.host.ReadableMemory;
import org.l4emu.emulator.physical.NativePhysicalMemory;
import org.l4emu.emulator.spacetlb.BlockTagSearch;
import org.l4emu.emulator.spacetlb.SpaceTlbCheck;
import org.l4emu.emulator.spacetlb.SpaceTlbLayout;
import org.l4emu.emulator.spacetlb.SpaceTlbs;
import org.l4emu.emulator.spacetlb.UserTlbSearch;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;
import org.l4emu.emulator.unicorn.UcError;
import org.l4emu.emulator.unicorn.UcMemType;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * Tries each {@link Accelerator} the setting allows on a fresh {@link ArmCpu}, which starts on
 * Unicorn's public API alone. Each is first found (the offsets inside Unicorn's private
 * structures, by running known user code in a scratch address space and looking for the values
 * it must leave behind) and then checked against the public path on probe code: the same
 * counts, the same fault addresses and kinds, the same registers. One that is not found or
 * disagrees is dropped ({@link Accelerators#record}) and the public path stays.
 */
final class EngineCalibration {
    /** Whose accelerators these are, in {@link Accelerators}' records. */
    static final String MACHINE = "arm";
    private static final int CODE_ADDRESS = 0x1000;
    private static final int SVC_AFTER_THREE_NOPS = CODE_ADDRESS;
    private static final int LOAD = CODE_ADDRESS + 0x10;
    private static final int STORE = CODE_ADDRESS + 0x14;
    private static final int UNDEFINED = CODE_ADDRESS + 0x18;
    private static final int YIELD = CODE_ADDRESS + 0x1C;
    private static final int EXCLUSIVE_LOAD = CODE_ADDRESS + 0x24;
    private static final int THUMB_SVC_AFTER_FOUR = CODE_ADDRESS + 0x2C;
    private static final int THUMB_IF_THEN = CODE_ADDRESS + 0x38;
    private static final int UNMAPPED_CODE = 0x7000;
    private static final int DATA = 0x5000;
    /** A second mapping of the code, whose blocks sit in another part of QEMU's jump cache. */
    private static final int SECOND_CODE_ADDRESS = 0x3000;
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
        0xE1901F9F, // ldrex r1, [r0]
        0xEF000000, // svc #0
        0xF1012101, // Thumb: movs r1, #1; add.w r1, r1, #1
        0x31010101, //        (add.w continued); adds r1, #1
        0xBF00DF00, //        svc #0; nop
        0xBF042000, // Thumb: movs r0, #0; itt eq
        0x32013101, //        addeq r1, #1; addeq r2, #1
        0xBF00DF00, //        svc #0; nop
    };
    private static final int MOVE_TO_R2 = 0xE3A02000; // mov r2, #imm
    private static final int LOAD_R1_FROM_R0 = 0xE5901000; // ldr r1, [r0]
    private static final int SVC = 0xEF000000; // svc #0
    private static final int[] LOAD_BASES = {0x7E5D3A00, 0x5C1E9700};
    private static final int[] STORE_BASES = {0x6B3C5E00, 0x4D7F2100};

    private final ArmCpu cpu;
    private final NativePhysicalMemory scratch;
    /** The scratch spaces' own: the machine's frames are not these. */
    private final CodeFrames scratchCode = new CodeFrames();
    private final PublicAborts publicAborts;
    private LiveCpuState live;
    private ExceptionRecord record;
    private EngineInternals internals;
    private UserTlbs userTlbs;
    private boolean storesSlow;
    private SpaceTlbLayout spaceTlbs;
    private long blockTagField;
    private HookAddresses hookAddresses;
    /** uc_emu_start's result in the last {@link #run}. */
    private int lastCode;

    EngineCalibration(ArmCpu cpu, NativePhysicalMemory scratch, PublicAborts publicAborts) {
        this.cpu = cpu;
        this.scratch = scratch;
        this.publicAborts = publicAborts;
    }

    /**
     * Runs the calibration; leaves the CPU with no address space loaded and no code translated
     * from the scratch memory.
     */
    void calibrate() {
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
            checkPublicPath(space);
            hookAddresses = findHookAddresses(space);
            Accelerators.attempt(MACHINE, Accelerator.LIVE_REGISTERS, null, this::findLiveRegisters);
            if (Accelerators.attempt(MACHINE, Accelerator.FAULT_RECORD, null, () -> findFaultRecord(space))) {
                cpu.useAborts(new RecordedAborts(record));
            }
            Accelerators.attempt(MACHINE, Accelerator.COUNTER, record == null ? Accelerator.FAULT_RECORD : null,
                    () -> findCounter(space));
            Accelerators.attempt(MACHINE, Accelerator.FAST_STORES, live == null ? Accelerator.LIVE_REGISTERS : null,
                    () -> findFastStores(space, code));
            Accelerators.attempt(MACHINE, Accelerator.SPACE_TLBS, live == null ? Accelerator.LIVE_REGISTERS : null,
                    () -> findSpaceTlbs(space, code));
            Accelerators.attempt(MACHINE, Accelerator.BLOCK_TAGS, spaceTlbs == null ? Accelerator.SPACE_TLBS : null,
                    () -> findBlockTags(space));
        } finally {
            space.destroy();
            cpu.unloadTranslation();
            cpu.discardTranslations(scratch.base(), scratch.size());
            // The searches for the live state write TPIDRURW and TEEHBR; the first thread finds them 0.
            cpu.clearUserThreadRegisters();
        }
    }

    /** The exception record, when the fault-record accelerator is in use; else null. */
    ExceptionRecord record() {
        return record;
    }

    /** Where QEMU keeps the user-mode TLB of each security state, when fast stores are in use; else null. */
    UserTlbs fastStoreTlbs() {
        return storesSlow ? userTlbs : null;
    }

    /** Where QEMU keeps what a space's own TLB is made of, when spaces keep their own; else null. */
    SpaceTlbLayout spaceTlbs() {
        return spaceTlbs;
    }

    /** Where QEMU keeps the CPU's cluster index, when each space's code is tagged; else 0. */
    long blockTagField() {
        return blockTagField;
    }

    /** The offsets found, for diagnostics; null when none were. */
    EngineInternals internals() {
        return internals;
    }

    /** What the engine's memory hooks report, found by {@link #findHookAddresses}. */
    HookAddresses hookAddresses() {
        return hookAddresses;
    }

    /** The public path itself must work on this engine, or the machine cannot run at all. */
    private void checkPublicPath(ArmAddressSpace space) {
        CodeHookCounter counter = cpu.publicCounter();
        run(space, SVC_AFTER_THREE_NOPS, 10, 0);
        expectPublic(cpu.pendingException() == ArmException.SUPERVISOR_CALL
                && counter.completed(LOAD, false) == 4, "three nops and a svc were not counted as four");
        ArmCpuContext thumb = run(space, THUMB_SVC_AFTER_FOUR | 1, 10, 0);
        expectPublic(cpu.pendingException() == ArmException.SUPERVISOR_CALL
                && counter.completed(thumb.register(ArmCpuContext.PC), false) == 4,
                "three Thumb instructions and a svc were not counted as four");
    }

    /**
     * Which address a memory hook sees for the probe's store to {@link #DATA}, which the scratch
     * space maps onto a frame far above it: the virtual one or the physical one.
     */
    private HookAddresses findHookAddresses(ArmAddressSpace space) {
        long[] seen = {-1};
        long hook = cpu.unicorn().addMemoryHook((type, address, size, value) -> {
            if (type == UcMemType.WRITE && seen[0] < 0) {
                seen[0] = address;
            }
        });
        try {
            cpu.discardTranslations(scratch.base(), scratch.size());
            run(space, STORE, 10, DATA - 8);
        } finally {
            cpu.unicorn().deleteHook(hook);
            cpu.discardTranslations(scratch.base(), scratch.size());
        }
        if (seen[0] == DATA) {
            return HookAddresses.VIRTUAL;
        }
        expectPublic(seen[0] == space.translate(DATA), "a memory hook saw the probe's store at 0x"
                + Long.toHexString(seen[0]) + ", neither its virtual nor its physical address");
        return HookAddresses.PHYSICAL;
    }

    private static void expectPublic(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("Unicorn's public API does not behave as l4emu needs: " + failure);
        }
    }

    /**
     * The live state, checked against Unicorn's calls word by word, and then in use: spaces
     * entering in turns, in both security states, must each run their own code on their own data.
     * The CPU keeps using it once the check passes.
     */
    private Accelerators.State findLiveRegisters() {
        LiveCpuState found = LiveCpuState.locate(cpu.unicorn(), ReadableMemory.ofThisProcess());
        found.checkAgainst(cpu.unicorn());
        found.switchRegisters().checkAgainst();
        CoreRegisters registers = cpu.registers();
        SwitchRegisters switches = cpu.switchRegisters();
        cpu.useRegisters(found);
        cpu.useSwitchRegisters(found.switchRegisters());
        try {
            SpaceTlbCheck.check(scratch, spacesInTurns());
        } catch (RuntimeException e) {
            cpu.useRegisters(registers);
            cpu.useSwitchRegisters(switches);
            throw e;
        } finally {
            cpu.unloadTranslation();
        }
        live = found;
        return Accelerators.State.ACTIVE;
    }

    private Accelerators.State findFaultRecord(ArmAddressSpace space) {
        ExceptionRecord candidate = new ExceptionRecord(cpu.unicorn().allocateContext());
        Aborts before = cpu.aborts();
        cpu.useAborts(new RecordedAborts(candidate));
        try {
            long faultAddressOffset = findFaultAddress(space, candidate);
            internals = new EngineInternals(faultAddressOffset - 8, faultAddressOffset - 4, faultAddressOffset);
            candidate.useOffsets(internals);
            checkAbortsAgree(space, candidate);
            checkUndefinedInstructionRecognised(space, candidate);
        } catch (InternalsNotRecognised e) {
            cpu.useAborts(before);
            throw e;
        }
        record = candidate;
        return Accelerators.State.ACTIVE;
    }

    /** The record must describe the probe's aborts as the public path does. */
    private void checkAbortsAgree(ArmAddressSpace space, ExceptionRecord candidate) {
        RecordedAborts recorded = new RecordedAborts(candidate);
        for (int round = 0; round < LOAD_BASES.length; round++) {
            for (int[] probe : new int[][] {{LOAD, LOAD_BASES[round]}, {STORE, STORE_BASES[round]}, {EXCLUSIVE_LOAD,
                    DATA + 2}}) {
                ArmCpuContext context = run(space, probe[0], 10, probe[1]);
                expect(cpu.pendingException() == ArmException.DATA_ABORT, "the probe's load or store did not abort");
                Trap expected = recorded.dataAbort(context, space);
                Trap publicTrap = publicAborts.dataAbort(context, space);
                // The message only when it fails: a record's first toString costs milliseconds at start-up.
                expect(TrapComparison.same(expected, publicTrap), () -> "the exception record says " + expected
                        + " where the page tables say " + publicTrap);
            }
        }
        ArmCpuContext context = run(space, UNMAPPED_CODE, 10, 0);
        expect(cpu.pendingException() == ArmException.PREFETCH_ABORT
                && TrapComparison.same(recorded.prefetchAbort(context, space), new Trap.PageFault(UNMAPPED_CODE,
                        Access.EXECUTE, UNMAPPED_CODE)), "a jump to unmapped code did not give a prefetch abort at it");
    }

    /** Returns the offset of the fault address in a saved context. */
    private long findFaultAddress(ArmAddressSpace space, ExceptionRecord candidate) {
        List<Long> candidates = null;
        for (int round = 0; round < LOAD_BASES.length; round++) {
            List<Long> load = abortCandidates(space, candidate, LOAD, LOAD_BASES[round], LOAD_BASES[round] + 4, false);
            List<Long> store = abortCandidates(space, candidate, STORE, STORE_BASES[round], STORE_BASES[round] + 8,
                    true);
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
    private List<Long> abortCandidates(ArmAddressSpace space, ExceptionRecord candidate, int instruction, int base,
            int faultAddress, boolean write) {
        ArmCpuContext context = run(space, instruction, 10, base);
        expect(cpu.pendingException() == ArmException.DATA_ABORT && context.register(ArmCpuContext.PC) == instruction,
                "access to unmapped 0x" + Integer.toHexString(faultAddress) + " was no data abort at the instruction");
        MemorySegment saved = candidate.bytes();
        List<Long> found = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocateFrom(ValueLayout.JAVA_LONG, Integer.toUnsignedLong(faultAddress));
            for (long offset = MemorySearch.indexOf(saved, value, 8, Integer.BYTES); offset >= 0;
                    offset = MemorySearch.indexOf(saved, value, offset + 1, Integer.BYTES)) {
                if (followsDataAbortSyndrome(saved, offset, write)) {
                    found.add(offset);
                }
            }
        }
        return found;
    }

    /** True when the fault address at {@code offset} follows a data-abort syndrome and a translation-fault status with WnR {@code write}. */
    private static boolean followsDataAbortSyndrome(MemorySegment saved, long offset, boolean write) {
        int status = saved.get(ValueLayout.JAVA_INT_UNALIGNED, offset - 4);
        int syndrome = saved.get(ValueLayout.JAVA_INT_UNALIGNED, offset - 8);
        return FaultStatus.isTranslation(status) && FaultStatus.isWrite(status) == write
                && ExceptionSyndrome.isDataAbort(syndrome);
    }

    /**
     * An undefined instruction must leave an undefined-instruction syndrome; a YIELD (which
     * Unicorn also stops on with UC_ERR_INSN_INVALID, after it) must leave the poison alone.
     */
    private void checkUndefinedInstructionRecognised(ArmAddressSpace space, ExceptionRecord candidate) {
        candidate.poison();
        ArmCpuContext context = run(space, UNDEFINED, 10, 0);
        expect(lastCode == UcError.INSN_INVALID.code() && context.register(ArmCpuContext.PC) == UNDEFINED
                && candidate.undefinedInstructionRaised()
                && publicAborts.invalidInstruction(UNDEFINED) == Aborts.InvalidInstruction.UNDEFINED,
                "udf was not reported as an undefined instruction");
        context = run(space, YIELD, 10, 0);
        boolean yieldStopped = lastCode == UcError.INSN_INVALID.code()
                && context.register(ArmCpuContext.PC) == YIELD + 4 && !candidate.undefinedInstructionRaised()
                && publicAborts.invalidInstruction(YIELD + 4) == Aborts.InvalidInstruction.HINT;
        boolean yieldIgnored = cpu.pendingException() == ArmException.SUPERVISOR_CALL;
        expect(yieldStopped || yieldIgnored, "yield stopped the CPU in an unexpected way");
    }

    /** Finds Unicorn's counter and checks it against the code hook's counts on every kind of stop. */
    private Accelerators.State findCounter(ArmAddressSpace space) {
        int[][] probes = {
            // {start, limit, r0, whether the instruction at the PC began}
            {SVC_AFTER_THREE_NOPS, 10, 0, 0}, {SVC_AFTER_THREE_NOPS, 2, 0, 0}, {LOAD, 10, LOAD_BASES[0], 1},
            {UNMAPPED_CODE, 10, 0, 0}, {THUMB_SVC_AFTER_FOUR | 1, 10, 0, 0}, {THUMB_SVC_AFTER_FOUR | 1, 3, 0, 0},
            // Limits inside an If-Then block, which runs to its end: both count the limit.
            {THUMB_IF_THEN | 1, 2, 0, 0}, {THUMB_IF_THEN | 1, 3, 0, 0}, {THUMB_IF_THEN | 1, 10, 0, 0},
        };
        List<CounterCheck.ProbeRun> runs = new ArrayList<>();
        for (int[] probe : probes) {
            runs.add(() -> {
                ArmCpuContext context = run(space, probe[0], probe[1], probe[2]);
                return new CounterCheck.Stop(Integer.toUnsignedLong(context.register(ArmCpuContext.PC)),
                        cpu.pendingException() == ArmException.NONE, probe[3] != 0, probe[1]);
            });
        }
        CounterCheck.Found found = CounterCheck.find(cpu.unicorn(), counterProbe(space), cpu.publicCounter(), runs);
        cpu.useCounting(found.counter());
        internals = internals == null ? null : internals.withCounter(found.offsets());
        return Accelerators.State.ACTIVE;
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

    /**
     * Fast stores are needed while QEMU's TLB entries of writable RAM keep TLB_NOTDIRTY (Unicorn
     * 2.0.1); where the engine tracks dirty pages itself (2.1 and later) they are not.
     */
    private Accelerators.State findFastStores(ArmAddressSpace first, long code) {
        if (Unicorn.version().atLeast(2, 1)) {
            return Accelerators.State.NOT_NEEDED;
        }
        locateUserTlbs(first, code);
        return storesSlow ? Accelerators.State.ACTIVE : Accelerators.State.NOT_NEEDED;
    }

    /** Finds both security states' user-mode TLBs once, for whichever accelerator asks first. */
    private UserTlbs locateUserTlbs(ArmAddressSpace first, long code) {
        if (userTlbs != null) {
            return userTlbs;
        }
        long[] byBank = new long[Bank.values().length];
        UserTlbSearch.Found found = null;
        boolean slow = true;
        ArmAddressSpace second = scratchSpace(code);
        try {
            ReadableMemory memory = ReadableMemory.ofThisProcess();
            for (ArmAddressSpace space : new ArmAddressSpace[] {first, second}) {
                run(space, STORE, 10, DATA - 8);
                Bank bank = cpu.bankHolding(space);
                UserTlbSearch.Found previous = found;
                found = UserTlbs.locate(live, memory, DATA);
                expect(previous == null || previous.shape().equals(found.shape()), "the two user-mode TLBs differ in shape");
                byBank[bank.ordinal()] = found.pair();
                slow &= found.storesSlow();
            }
        } finally {
            second.destroy();
            cpu.unloadTranslation();
        }
        expect(byBank[Bank.SECURE.ordinal()] != 0 && byBank[Bank.NON_SECURE.ordinal()] != 0
                && byBank[Bank.SECURE.ordinal()] != byBank[Bank.NON_SECURE.ordinal()],
                "the two security states did not show two user-mode TLBs");
        userTlbs = new UserTlbs(byBank, found.shape().pageBits(), found.shape().entryShift());
        storesSlow = slow;
        return userTlbs;
    }

    /**
     * Finds QEMU's TLB structures ({@link SpaceTlbLayout}), then checks spaces that keep their own
     * TLB on probe code: five spaces with different code and data at the same addresses, entering
     * in turns, must each run their own code and read their own data, also after one of them
     * changed a mapping while it was out.
     */
    private Accelerators.State findSpaceTlbs(ArmAddressSpace first, long code) {
        UserTlbs tlbs = locateUserTlbs(first, code);
        first.map(SECOND_CODE_ADDRESS, code, Access.READ_EXECUTE);
        ArmAddressSpace second = scratchSpace(code);
        SpaceTlbLayout found;
        try {
            found = SpaceTlbLayout.find(tlbs.shape(), tlbs.pairByBank(), ReadableMemory.ofThisProcess(),
                    probe(first, second), SVC_AFTER_THREE_NOPS, SECOND_CODE_ADDRESS);
        } finally {
            second.destroy();
            cpu.unloadTranslation();
        }
        checkSpacesInTurns(new SpaceTlbs(found, scratchCode::codeGeneration));
        spaceTlbs = found;
        return Accelerators.State.ACTIVE;
    }

    /** Runs the probe code in {@code first}, and in {@code second} where a run needs the secure state too. */
    private SpaceTlbLayout.Probe probe(ArmAddressSpace first, ArmAddressSpace second) {
        return SpaceTlbLayout.Probe.of(cpu::unloadTranslation, regime -> {
            Bank bank = Bank.values()[regime];
            cpu.unloadTranslation();
            run(first, STORE, 10, DATA - 8);
            if (bank == Bank.SECURE) {
                run(second, STORE, 10, DATA - 8);
            }
            expect(cpu.bankHolding(bank == Bank.SECURE ? second : first) == bank,
                    "the probe did not run in the " + bank + " state");
        }, pc -> run(first, pc, 10, 0));
    }

    /**
     * Finds QEMU's cluster index ({@link BlockTagSearch}), then runs {@link SpaceTlbCheck} again
     * with each space's code tagged and a leaving space's jump-cache slots kept.
     */
    private Accelerators.State findBlockTags(ArmAddressSpace first) {
        long field = BlockTagSearch.locate(spaceTlbs, probe(first, null), SVC_AFTER_THREE_NOPS);
        checkSpacesInTurns(new SpaceTlbs(spaceTlbs, scratchCode::codeGeneration, field));
        blockTagField = field;
        return Accelerators.State.ACTIVE;
    }

    /** Runs {@link SpaceTlbCheck} with {@code swapped} in use, which the CPU drops again after. */
    private void checkSpacesInTurns(SpaceTlbs swapped) {
        cpu.useSpaceTlbs(swapped);
        try {
            SpaceTlbCheck.check(scratch, spacesInTurns());
        } finally {
            cpu.unloadTranslation();
            cpu.useSpaceTlbs(null);
        }
    }

    /** {@link SpaceTlbCheck}'s spaces, made in the scratch memory and run from their code to its system call. */
    private SpaceTlbCheck.Machine<ArmAddressSpace> spacesInTurns() {
        return new SpaceTlbCheck.Machine<ArmAddressSpace>() {
            @Override
            public byte[] code(int number) {
                return ByteBuffer.allocate(3 * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(MOVE_TO_R2 | number).putInt(LOAD_R1_FROM_R0).putInt(SVC).array();
            }

            @Override
            public ArmAddressSpace newSpace() throws OutOfPhysicalMemoryException {
                return new ArmAddressSpace(scratch, scratchCode);
            }

            @Override
            public boolean ranOwnCode(ArmAddressSpace space, int pc, int number, int data) {
                ArmCpuContext thread = run(space, pc, 10, SpaceTlbCheck.DATA);
                return cpu.pendingException() == ArmException.SUPERVISOR_CALL && thread.register(2) == number
                        && thread.register(1) == data;
            }
        };
    }

    /** A space with the calibration code and a writable data page. */
    private ArmAddressSpace scratchSpace(long code) {
        try {
            ArmAddressSpace space = new ArmAddressSpace(scratch, scratchCode);
            space.map(CODE_ADDRESS, code, Access.READ_EXECUTE);
            space.map(DATA, scratch.allocateFrame(), Access.READ_WRITE);
            return space;
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("calibration scratch memory too small", e);
        }
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
