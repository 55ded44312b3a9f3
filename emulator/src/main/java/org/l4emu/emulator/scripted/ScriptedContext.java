package org.l4emu.emulator.scripted;

import java.util.LinkedHashMap;
import org.l4emu.emulator.CpuContext;

/**
 * The registers of one scripted thread, a plain array named and used as on the real CPU of the
 * machine's architecture, and what the thread runs: its own {@link Program}, or the machine's
 * default one. Every scripted instruction is {@link #INSTRUCTION_BYTES} long, so the instruction
 * pointer advances by that much per instruction retired.
 */
public final class ScriptedContext implements CpuContext {
    public static final int INSTRUCTION_BYTES = 4;

    private final RegisterConvention convention;
    private final int[] registers;
    private int threadPointer;
    private Program program;
    private Object attachment;
    /** The step under way and how many of its instructions have retired. */
    private Step current;
    private long progress;

    ScriptedContext(RegisterConvention convention, int entry, int stackPointer) {
        this.convention = convention;
        this.registers = new int[convention.registerCount()];
        registers[convention.stackPointer()] = stackPointer;
        registers[convention.instructionPointer()] = entry;
    }

    @Override
    public int syscallNumber() {
        return registers[convention.syscallNumber()];
    }

    @Override
    public int argument(int index) {
        if (index < 0 || index >= convention.argumentCount()) {
            throw new IndexOutOfBoundsException("syscall argument " + index);
        }
        return registers[convention.argument(index)];
    }

    @Override
    public void setResult(int index, int value) {
        registers[resultRegister(index)] = value;
    }

    /** Syscall result {@code index}, 0..3, as the kernel left it (what the guest reads after the trap). */
    public int result(int index) {
        return registers[resultRegister(index)];
    }

    private int resultRegister(int index) {
        if (index < 0 || index >= convention.resultCount()) {
            throw new IndexOutOfBoundsException("syscall result " + index);
        }
        return convention.result(index);
    }

    @Override
    public int stackPointer() {
        return registers[convention.stackPointer()];
    }

    @Override
    public void setStackPointer(int value) {
        registers[convention.stackPointer()] = value;
    }

    @Override
    public int instructionPointer() {
        return registers[convention.instructionPointer()];
    }

    /** Sets the next instruction; the step under way is abandoned, as a CPU leaves the code it was in. */
    @Override
    public void setInstructionPointer(int value) {
        registers[convention.instructionPointer()] = value;
        current = null;
        progress = 0;
    }

    @Override
    public void setThreadPointer(int utcbAddress) {
        threadPointer = utcbAddress;
    }

    public int threadPointer() {
        return threadPointer;
    }

    @Override
    public LinkedHashMap<String, Integer> registers() {
        LinkedHashMap<String, Integer> named = new LinkedHashMap<>();
        for (int i = 0; i < registers.length; i++) {
            named.put(convention.name(i), registers[i]);
        }
        named.put(convention.threadPointerName(), threadPointer);
        return named;
    }

    /** The program this thread runs; null: the machine's default program. */
    public Program program() {
        return program;
    }

    public void setProgram(Program program) {
        this.program = program;
    }

    /** Whatever the program keeps with this thread (its state); the machine never looks at it. */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /** The step the thread is in the middle of (a faulting access waits here), or null. */
    public Step currentStep() {
        return current;
    }

    void setSyscallRegisters(Step.Syscall syscall) {
        registers[convention.syscallNumber()] = syscall.number();
        int count = Math.min(syscall.argumentCount(), convention.argumentCount());
        for (int i = 0; i < count; i++) {
            registers[convention.argument(i)] = syscall.argument(i);
        }
    }

    void begin(Step step) {
        current = step;
        progress = 0;
    }

    long progress() {
        return progress;
    }

    void retire(long instructions) {
        progress += instructions;
        registers[convention.instructionPointer()] += (int) (instructions * INSTRUCTION_BYTES);
    }

    void finishStep() {
        current = null;
        progress = 0;
    }

    @Override
    public String toString() {
        return String.format("scripted thread at ip 0x%08x", instructionPointer());
    }
}
