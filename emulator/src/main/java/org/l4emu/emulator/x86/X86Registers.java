package org.l4emu.emulator.x86;

import java.lang.foreign.Arena;
import org.l4emu.emulator.unicorn.RegisterBatch;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * Moves a thread's registers between its {@link X86CpuContext} and one engine, writing only
 * what the engine does not hold already: the general registers the kernel changed since this
 * engine saved the context (all of them for another thread), and the segment selectors that
 * differ from the engine's. EIP is the caller's: {@code uc_emu_start} takes it, or
 * {@link #loadInstructionPointer} inside a hook.
 */
final class X86Registers {
    private static final int LOAD_GENERAL_COUNT = X86CpuContext.EFLAGS + 1;
    private static final int SEGMENT_COUNT = X86CpuContext.REGISTER_COUNT - X86CpuContext.DS;
    private static final int ALL = (1 << X86CpuContext.REGISTER_COUNT) - 1;
    private static final X86Register[] GENERAL = {
        X86Register.EAX, X86Register.EBX, X86Register.ECX, X86Register.EDX, X86Register.ESI, X86Register.EDI,
        X86Register.EBP, X86Register.ESP, X86Register.EFLAGS,
    };
    private static final X86Register[] SEGMENTS = {
        X86Register.DS, X86Register.ES, X86Register.FS, X86Register.GS, X86Register.SS,
    };

    private final Unicorn unicorn;
    /** eax..esp, eflags: the context's first registers, in its order. */
    private final RegisterBatch loadGeneral;
    /** One single-register batch per segment selector: those are written only when they differ. */
    private final RegisterBatch[] loadSegment = new RegisterBatch[SEGMENT_COUNT];
    private final RegisterBatch loadEip;
    /** Every register of a context, in its order. */
    private final RegisterBatch save;
    private final int[] saved = new int[X86CpuContext.REGISTER_COUNT];
    /** The selectors the engine holds, so that switching threads rarely reloads a segment. */
    private final int[] heldSegments = new int[SEGMENT_COUNT];
    private X86CpuContext loaded;
    /** Where the general registers and EIP are read and written in place, or null. */
    private X86LiveRegisters live;
    private final RegisterBatch loadEflags;
    /** EFLAGS and the selectors, in the context's order: what the live registers leave to Unicorn. */
    private final RegisterBatch saveRest;

    /** Register buffers live in {@code arena}, which must outlive this. */
    X86Registers(Unicorn unicorn, Arena arena) {
        this.unicorn = unicorn;
        loadGeneral = batch(arena, GENERAL);
        for (int i = 0; i < SEGMENT_COUNT; i++) {
            loadSegment[i] = batch(arena, SEGMENTS[i]);
        }
        loadEip = batch(arena, X86Register.EIP);
        loadEflags = batch(arena, X86Register.EFLAGS);
        RegisterBatch.Builder rest = RegisterBatch.builder().add(X86Register.EFLAGS);
        for (X86Register register : SEGMENTS) {
            rest.add(register);
        }
        saveRest = rest.build(arena);
        RegisterBatch.Builder all = RegisterBatch.builder();
        for (X86Register register : GENERAL) {
            all.add(register);
        }
        all.add(X86Register.EIP);
        for (X86Register register : SEGMENTS) {
            all.add(register);
        }
        save = all.build(arena);
        if (save.size() != X86CpuContext.REGISTER_COUNT) {
            throw new AssertionError("save batch layout");
        }
        readHeldSegments();
    }

    /** The register of {@link X86CpuContext}'s number {@code number}, EAX to EFLAGS. */
    static X86Register general(int number) {
        return GENERAL[number];
    }

    /** From now on the general registers and EIP are read and written in QEMU's CPU state through {@code registers}. */
    void useLive(X86LiveRegisters registers) {
        live = registers;
    }

    private static RegisterBatch batch(Arena arena, X86Register... registers) {
        RegisterBatch.Builder builder = RegisterBatch.builder();
        for (X86Register register : registers) {
            builder.add(register);
        }
        return builder.build(arena);
    }

    /** The context the engine holds the registers of, or null. */
    X86CpuContext loaded() {
        return loaded;
    }

    /** True when the engine's EIP is not {@code context}'s: another thread's, or changed by the kernel since. */
    boolean instructionPointerDiffers(X86CpuContext context) {
        return loaded != context || (context.changedSince(this) & 1 << X86CpuContext.EIP) != 0;
    }

    /** Makes the engine hold {@code context}'s registers but EIP. */
    void load(X86CpuContext context) {
        int changed = loaded == context ? context.changedSince(this) : ALL;
        int general = changed & (1 << LOAD_GENERAL_COUNT) - 1;
        if (live != null) {
            loadLive(context, general);
        } else if (general != 0) {
            int first = Integer.numberOfTrailingZeros(general);
            int last = 31 - Integer.numberOfLeadingZeros(general);
            for (int index = first; index <= last; index++) {
                loadGeneral.set(index, index == X86CpuContext.EFLAGS ? context.eflagsToLoad() : context.register(index));
            }
            unicorn.write(loadGeneral, first, last - first + 1);
        }
        for (int i = 0; i < SEGMENT_COUNT; i++) {
            int selector = context.register(X86CpuContext.DS + i);
            if (selector != heldSegments[i]) {
                loadSegment[i].set(0, selector);
                unicorn.write(loadSegment[i], 1);
                heldSegments[i] = selector;
            }
        }
        loaded = context;
    }

    private void loadLive(X86CpuContext context, int general) {
        for (int index = 0; index < X86CpuContext.EFLAGS; index++) {
            if ((general & 1 << index) != 0) {
                live.write(index, context.register(index));
            }
        }
        if ((general & 1 << X86CpuContext.EFLAGS) != 0) {
            loadEflags.set(0, context.eflagsToLoad());
            unicorn.write(loadEflags, 1);
        }
    }

    /**
     * Inside a hook: the engine goes on at {@code address}. Through Unicorn's call Unicorn then
     * leaves its CPU loop and enters it again; written in place, QEMU simply fetches from there.
     */
    void loadInstructionPointer(int address) {
        if (live != null) {
            live.writeInstructionPointer(address);
            return;
        }
        loadEip.set(0, address);
        unicorn.write(loadEip, 1);
    }

    /** Reads every register back into {@code context}, which the engine now holds. */
    void save(X86CpuContext context) {
        if (live != null) {
            unicorn.read(saveRest, 1 + SEGMENT_COUNT);
            for (int i = 0; i < X86CpuContext.EFLAGS; i++) {
                saved[i] = live.read(i);
            }
            saved[X86CpuContext.EFLAGS] = saveRest.get(0);
            saved[X86CpuContext.EIP] = live.readInstructionPointer();
            for (int i = 0; i < SEGMENT_COUNT; i++) {
                saved[X86CpuContext.DS + i] = saveRest.get(1 + i);
            }
        } else {
            unicorn.read(save, X86CpuContext.REGISTER_COUNT);
            for (int i = 0; i < X86CpuContext.REGISTER_COUNT; i++) {
                saved[i] = save.get(i);
            }
        }
        for (int i = 0; i < SEGMENT_COUNT; i++) {
            heldSegments[i] = saved[X86CpuContext.DS + i];
        }
        context.saveFromCpu(this, saved);
        loaded = context;
    }

    /** The engine's registers were replaced wholesale (a context restore): they belong to no thread now. */
    void forget() {
        readHeldSegments();
        loaded = null;
    }

    private void readHeldSegments() {
        for (int i = 0; i < SEGMENT_COUNT; i++) {
            heldSegments[i] = unicorn.readRegister(SEGMENTS[i]);
        }
    }
}
