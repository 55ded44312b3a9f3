package org.l4emu.tools.step;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.debug.DisassemblyMode;
import org.l4emu.emulator.debug.InstructionSet;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelView;
import org.l4emu.tools.disasm.Capstone;
import org.l4emu.tools.disasm.DisassemblerUnavailableException;
import org.l4emu.tools.disasm.Instruction;
import org.l4emu.tools.replay.Replay;
import org.l4emu.tools.replay.UtcbWords;
import org.l4emu.tools.trace.Message;
import org.l4emu.tools.trace.Words;

/** What the stepper shows of a thread: registers, UTCB message registers, memory and disassembly. */
final class ThreadViews {
    /** The words the kernel writes at IPC time (ABI section 2.3), shown under their names. */
    private static final int[] SPECIAL_WORDS = {Utcb.ERROR_CODE, Utcb.INTENDED_RECEIVER, Utcb.BLOCKED_SOURCE,
        Utcb.CONTROLLING_MONITOR, Utcb.DELAY_TIMEOUT};

    /** Instructions shown before the one asked about. */
    private static final int WINDOW_BEFORE = 3;

    private final Replay replay;
    private final PrintWriter out;

    ThreadViews(Replay replay, PrintWriter out) {
        this.replay = replay;
        this.out = out;
    }

    void registers(Thread thread) {
        Map<String, Integer> registers = thread.context().registers();
        out.println("registers of " + thread.name() + " (" + thread.state().name().toLowerCase(Locale.ROOT) + "):");
        List<String> cells = new ArrayList<>();
        registers.forEach((name, value) -> cells.add(String.format(Locale.ROOT, "%-4s %s", name, Words.address(value))));
        for (int i = 0; i < cells.size(); i += 4) {
            out.println("  " + String.join("   ", cells.subList(i, Math.min(cells.size(), i + 4))));
        }
    }

    void messageRegisters(Thread thread, int extra) {
        KernelView kernel = replay.view();
        int tag = kernel.utcbWord(thread, Utcb.MR0);
        Message message = new Message(tag, new int[0]);
        int count = Math.min(Utcb.LAST_MR, Math.max(message.untypedWords() + message.typedWords(), extra));
        out.printf(Locale.ROOT, "UTCB of %s at %s: MR0 %s (label 0x%x, u %d, t %d)%n", thread.name(),
                Words.address(thread.utcbAddress()), Words.address(tag), message.label(), message.untypedWords(),
                message.typedWords());
        for (int i = 1; i <= count; i++) {
            out.printf(Locale.ROOT, "  MR%-2d %s%n", i, Words.address(kernel.utcbWord(thread, Utcb.MR0 + i)));
        }
        for (int index : SPECIAL_WORDS) {
            out.printf(Locale.ROOT, "  %-18s %s%n", UtcbWords.name(index), Words.address(kernel.utcbWord(thread, index)));
        }
    }

    void memory(Thread thread, int address, int words) {
        var memory = replay.memory();
        for (int i = 0; i < words; i += 4) {
            StringBuilder line = new StringBuilder(Words.address(address + 4 * i) + ":");
            for (int j = i; j < Math.min(words, i + 4); j++) {
                Integer word = memory.readWord(thread.task().space(), address + 4 * j);
                line.append(' ').append(word == null ? "(unmapped)" : Words.address(word));
            }
            out.println(line);
        }
    }

    /** {@code count} instructions around {@code address}, marking the thread's PC. */
    void disassemble(Thread thread, Integer address, int count) {
        Capstone capstone;
        try {
            capstone = Capstone.get();
        } catch (DisassemblerUnavailableException e) {
            out.println("l4emu: " + e.getMessage());
            return;
        }
        InstructionSet isa = replay.instructionSet();
        int pcWithMode = thread.context().instructionPointer();
        boolean modeGiven = address != null && isa.codeAddress(address) != address;
        DisassemblyMode mode = isa.modeOf(modeGiven ? address : pcWithMode);
        int pc = isa.codeAddress(pcWithMode);
        int around = address == null ? pc : isa.codeAddress(address);
        List<Instruction> instructions = List.of();
        for (int before = WINDOW_BEFORE * mode.maxLength() / mode.alignment() * mode.alignment(); before >= 0
                && instructions.stream().noneMatch(i -> i.address() == around); before -= mode.alignment()) {
            instructions = decode(capstone, thread, around - before, mode, count + WINDOW_BEFORE * 2);
        }
        int start = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).address() == around) {
                start = Math.max(0, i - WINDOW_BEFORE);
            }
        }
        out.println("code of " + thread.name() + " (" + mode.displayName() + "):");
        if (instructions.isEmpty()) {
            out.println("  (no code mapped at " + Words.address(around) + ")");
        }
        for (Instruction instruction : instructions.subList(start, Math.min(instructions.size(), start + count))) {
            StringBuilder hex = new StringBuilder();
            for (byte b : instruction.bytes()) {
                hex.append(String.format(Locale.ROOT, "%02x", b));
            }
            out.printf(Locale.ROOT, "%s %s  %-9s %s%n", instruction.address() == pc ? "=>" : "  ",
                    Words.address(instruction.address()), hex, instruction);
        }
    }

    private List<Instruction> decode(Capstone capstone, Thread thread, int address, DisassemblyMode mode, int count) {
        byte[] code = readable(thread, address, count * mode.maxLength());
        return code == null ? List.of() : capstone.disassemble(code, address, mode, count);
    }

    /** {@code length} bytes at {@code address}, or those up to the end of its page when the next is unmapped. */
    private byte[] readable(Thread thread, int address, int length) {
        byte[] bytes = replay.memory().read(thread.task().space(), address, length);
        if (bytes == null) {
            int inPage = PhysicalMemory.PAGE_SIZE - (address & (PhysicalMemory.PAGE_SIZE - 1));
            bytes = replay.memory().read(thread.task().space(), address, Math.min(length, inPage));
        }
        return bytes;
    }
}
