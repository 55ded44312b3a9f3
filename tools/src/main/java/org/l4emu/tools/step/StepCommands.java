package org.l4emu.tools.step;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.tools.replay.CodeBreakpoint;
import org.l4emu.tools.replay.RunNames;
import org.l4emu.tools.replay.Watchpoint;
import org.l4emu.tools.source.SourceLine;
import org.l4emu.tools.replay.Position;
import org.l4emu.tools.trace.EventTable;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.Words;

/** The stepper's command language: one line in, its output printed. */
final class StepCommands {
    static final String HELP = """
            moving forward
              next [N]              n    run to the next IPC event (send, redirect, delivery, error, ...)
              stepi [N]             si   execute one guest instruction (of whichever thread runs)
              continue              c    run to the next breakpoint, or to the end
              goto SEQ                   go to just after event SEQ (forward or back)
            moving back (by replaying the deterministic run from boot)
              back [N]              rn   back to the previous IPC event stop
              reverse-stepi [N]     rsi  back one instruction
              reverse-continue      rc   back to the previous breakpoint stop
            breakpoints
              break ADDRESS|SYMBOL [in TASK]   b    a code address (bit 0 set: Thumb) or an ELF symbol
              break thread|task|label|option|kind VALUE   an event naming a thread or task, a label, ...
              watch ADDRESS [in TASK]           stop after a write to the word (by a thread, or the kernel:
                                                an IPC delivered into it, a mapping arriving); rwatch: reads,
                                                awatch: both; TASK defaults to the focus thread's
              delete [N]                        remove breakpoint N, or all
              breakpoints                       list them
            looking
              where                 position, time and the thread in focus
              thread NAME                focus on another thread
              threads                    every thread and its state
              registers [THREAD]    regs
              mrs [THREAD] [N]           UTCB message registers (N: show at least N)
              x ADDRESS [WORDS]          guest memory of the focus thread's task
              disas [ADDRESS] [N]        disassembly around the PC (Capstone)
              list [THREAD]              the source lines around where the thread is (DWARF line table)
              events [N]                 the last N events
              help, quit
            """;

    /** Source lines shown before and after the current one. */
    private static final int LIST_AROUND = 5;
    /** The most words 'x' and instructions 'disas' show at once. */
    private static final int MOST_SHOWN = 4096;

    private final Stepper stepper;
    private final PrintWriter out;
    /** True once a command was refused (unknown, or a bad argument): batch runs then exit 1. */
    private boolean anyFailed;

    StepCommands(Stepper stepper) {
        this.stepper = stepper;
        this.out = stepper.out();
    }

    /** Runs one command line; returns false when the user asked to quit. */
    boolean execute(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
        String command = words.removeFirst().toLowerCase(Locale.ROOT);
        try {
            switch (command) {
                case "" -> { }
                case "next", "n" -> next(count(words, 0));
                case "stepi", "si" -> stepInstructions(count(words, 0));
                case "continue", "c" -> move(RunMode.BREAKPOINT, Long.MAX_VALUE);
                case "goto" -> goTo(eventNumber(required(words, 0, "an event number")));
                case "back", "rn", "reverse-next" -> back(count(words, 0));
                case "reverse-stepi", "rsi" -> reverseStep(count(words, 0));
                case "reverse-continue", "rc" -> reverseContinue();
                case "break", "b" -> addBreakpoint(words);
                case "watch", "rwatch", "awatch" -> addWatchpoint(command, words);
                case "delete", "d" -> delete(words);
                case "breakpoints", "info" -> listBreakpoints();
                case "where" -> stepper.where();
                case "thread" -> focus(required(words, 0, "a thread name"));
                case "threads" -> threads();
                case "registers", "regs" -> views().registers(threadArgument(words, 0));
                case "mrs" -> views().messageRegisters(threadArgument(words, 0), words.size() > 1
                        ? count(words, 1, MOST_SHOWN) : 0);
                case "x" -> views().memory(stepper.focus(), address(required(words, 0, "an address")),
                        words.size() > 1 ? count(words, 1, MOST_SHOWN) : 8);
                case "disas" -> views().disassemble(stepper.focus(), words.isEmpty() ? null : address(words.get(0)),
                        words.size() > 1 ? count(words, 1, MOST_SHOWN) : 8);
                case "events" -> events(words.isEmpty() ? 10 : count(words, 0));
                case "list", "l" -> list(threadArgument(words, 0));
                case "help", "h", "?" -> out.print(HELP);
                case "quit", "q", "exit" -> {
                    return false;
                }
                default -> fail("unknown command '" + command + "' (try help)");
            }
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        }
        out.flush();
        return true;
    }

    /** True when a command so far was refused. */
    boolean anyFailed() {
        return anyFailed;
    }

    private void fail(String message) {
        out.println("l4emu: " + message);
        anyFailed = true;
    }

    private ThreadViews views() {
        return new ThreadViews(stepper.replay(), out);
    }

    private void next(int times) {
        for (int i = 0; i < times; i++) {
            move(RunMode.NEXT_EVENT, Long.MAX_VALUE);
        }
    }

    private void move(RunMode mode, long instructions) {
        if (stepper.replay().ended()) {
            out.println("the run has ended (back, reverse-stepi and goto still work)");
            return;
        }
        stepper.forward(mode, instructions);
        stepper.report();
    }

    private void stepInstructions(int count) {
        if (stepper.replay().ended()) {
            out.println("the run has ended (back, reverse-stepi and goto still work)");
            return;
        }
        long target = stepper.replay().position().instructions() + count;
        stepper.forward(RunMode.INSTRUCTIONS, target);
        stepper.report();
    }

    private void goTo(long seq) {
        if (seq + 1 <= stepper.replay().position().events()) {
            stepper.replay().replayTo(0);
        }
        stepper.runToEvents(seq + 1);
        if (stepper.replay().position().events() < seq + 1) {
            out.println("the run ended before event " + seq);
        } else {
            stepper.setStopReason("after event " + seq);
        }
        stepper.report();
    }

    private void back(int count) {
        for (int i = 0; i < count; i++) {
            Position now = stepper.replay().position();
            Stepper.IpcStop target = null;
            for (Stepper.IpcStop stop : stepper.ipcStops()) {
                if (stop.position().isBefore(now)) {
                    target = stop;
                }
            }
            if (target == null) {
                stepper.backTo(stepper.start(), "back at the start of the run", 0);
            } else {
                stepper.backTo(target.position(), "back at IPC event " + target.seq(), target.threadId());
            }
        }
        stepper.report();
    }

    private void reverseStep(int count) {
        long now = stepper.replay().position().instructions();
        if (now == 0) {
            out.println("already at the first instruction");
            return;
        }
        stepper.replayTo(Math.max(0, now - count), "back " + Math.min(now, count) + " instruction(s)");
        stepper.report();
    }

    private void reverseContinue() {
        Position now = stepper.replay().position();
        stepper.replay().replayTo(0);
        Position last = stepper.start();
        int lastThread = 0;
        String reason = "back at the start of the run: no breakpoint stop before";
        while (!stepper.replay().ended()) {
            stepper.forward(RunMode.BREAKPOINT, Long.MAX_VALUE);
            Position reached = stepper.replay().position();
            if (!reached.isBefore(now)) {
                break;
            }
            last = reached;
            lastThread = stepper.focus() == null ? 0 : stepper.focus().id();
            reason = "back at " + stepper.stopReason();
        }
        stepper.backTo(last, reason, lastThread);
        stepper.report();
    }

    private void addBreakpoint(List<String> words) {
        String first = required(words, 0, "an address, a symbol, or thread|task|label|option|kind VALUE");
        if (List.of("thread", "task", "label", "option", "kind").contains(first)) {
            EventBreakpoint breakpoint = EventBreakpoint.parse(first, required(words, 1, "a value"));
            requireKnown(breakpoint);
            out.println("breakpoint " + stepper.addBreakpoint(breakpoint) + ": " + breakpoint);
            return;
        }
        String task = words.size() >= 3 && words.get(1).equals("in") ? words.get(2) : null;
        if (task != null) {
            RunNames.tasks(stepper.replay()).require(task);
        }
        List<CodeBreakpoint> planted = new ArrayList<>();
        for (Task candidate : stepper.replay().view().threads().tasks()) {
            if (task != null && !task.equals(candidate.name())) {
                continue;
            }
            Optional<Integer> value = first.matches("(0x)?[0-9a-fA-F]+") && !first.matches("[a-fA-F]+")
                    ? Optional.of(Words.parse(first.startsWith("0x") ? first : "0x" + first))
                    : stepper.replay().symbol(candidate.name(), first);
            value.ifPresent(v -> planted.add(new CodeBreakpoint(stepper.replay().instructionSet().codeAddress(v),
                    candidate.name())));
        }
        if (planted.isEmpty()) {
            throw new IllegalArgumentException("no symbol '" + first + "' in "
                    + (task == null ? "any task" : "task '" + task + "'"));
        }
        for (CodeBreakpoint breakpoint : planted) {
            stepper.replay().points().add(breakpoint);
            out.println("breakpoint " + stepper.addBreakpoint(breakpoint) + ": " + describe(breakpoint));
        }
        stepper.replay().pointsChanged();
    }

    private void addWatchpoint(String command, List<String> words) {
        int address = address(required(words, 0, "an address"));
        String task = words.size() >= 3 && words.get(1).equals("in") ? words.get(2) : stepper.focus().task().name();
        RunNames.tasks(stepper.replay()).require(task);
        Watchpoint.Kind kind = switch (command) {
            case "rwatch" -> Watchpoint.Kind.READ;
            case "awatch" -> Watchpoint.Kind.ACCESS;
            default -> Watchpoint.Kind.WRITE;
        };
        Watchpoint watchpoint = new Watchpoint(task, address, Integer.BYTES, kind);
        stepper.replay().points().add(watchpoint);
        stepper.replay().pointsChanged();
        out.println("watchpoint " + stepper.addBreakpoint(watchpoint) + ": " + describe(watchpoint));
    }

    private static String describe(Object breakpoint) {
        return switch (breakpoint) {
            case CodeBreakpoint code -> Words.address(code.address()) + " in " + code.task();
            case Watchpoint watch -> watch.kind().gdbName() + " " + Words.address(watch.address()) + " in " + watch.task();
            default -> breakpoint.toString();
        };
    }

    private void delete(List<String> words) {
        Map<Integer, Object> breakpoints = stepper.breakpoints();
        List<Integer> numbers = words.isEmpty() ? List.copyOf(breakpoints.keySet())
                : List.of(breakpointNumber(words.getFirst()));
        for (Integer number : numbers) {
            Object removed = breakpoints.remove(number);
            if (removed == null) {
                throw new IllegalArgumentException("no breakpoint " + number);
            }
            if (removed instanceof CodeBreakpoint code) {
                stepper.replay().points().remove(code);
            } else if (removed instanceof Watchpoint watch) {
                stepper.replay().points().remove(watch);
            }
            out.println("deleted breakpoint " + number);
        }
        stepper.replay().pointsChanged();
    }

    private void listBreakpoints() {
        if (stepper.breakpoints().isEmpty()) {
            out.println("no breakpoints");
        }
        stepper.breakpoints().forEach((number, breakpoint) -> out.println("  " + number + "  " + describe(breakpoint)));
    }

    private void focus(String name) {
        stepper.setFocus(thread(name));
        stepper.where();
    }

    private void threads() {
        for (Thread thread : stepper.replay().view().threads().all()) {
            String source = stepper.sourceOf(thread);
            out.printf(Locale.ROOT, "  %s %-16s %-10s %-18s pc %s%s, %d instructions%n",
                    thread == stepper.focus() ? "*" : " ", thread.name(), ThreadId.format(thread.id()),
                    thread.state().name().toLowerCase(Locale.ROOT), Words.address(thread.context().instructionPointer()),
                    source.isEmpty() ? "" : " at " + source, thread.instructionsRetired());
        }
    }

    /** The source lines around {@code thread}'s position, the current one marked. */
    private void list(Thread thread) {
        Optional<SourceLine> source = stepper.source(thread);
        if (source.isEmpty()) {
            out.println("no line information for " + thread.name() + " at "
                    + Words.address(thread.context().instructionPointer()));
            return;
        }
        SourceLine at = source.get();
        Optional<List<String>> text = stepper.replay().imagePath(thread.task().name())
                .flatMap(image -> stepper.sources().text(image, at));
        if (text.isEmpty()) {
            out.println(thread.name() + " is at " + at + " (source file not found)");
            return;
        }
        List<String> lines = text.get();
        out.println(thread.name() + " is at " + at + ":");
        for (int n = Math.max(1, at.line() - LIST_AROUND); n <= Math.min(lines.size(), at.line() + LIST_AROUND); n++) {
            out.printf(Locale.ROOT, "%s %4d  %s%n", n == at.line() ? "=>" : "  ", n, lines.get(n - 1));
        }
    }

    private void events(int count) {
        EventTable table = new EventTable(out, 10);
        List<TraceEvent> recent = new ArrayList<>(stepper.recent());
        recent.subList(Math.max(0, recent.size() - count), recent.size()).forEach(table::row);
    }

    private Thread threadArgument(List<String> words, int index) {
        return words.size() > index && !words.get(index).matches("\\d+") ? thread(words.get(index)) : stepper.focus();
    }

    private Thread thread(String name) {
        RunNames.threads(stepper.replay()).require(name);
        return stepper.replay().view().threads().all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** A breakpoint on a thread or task the run does not have would never stop: refused like a bad value. */
    private void requireKnown(EventBreakpoint breakpoint) {
        switch (breakpoint.field()) {
            case "thread" -> RunNames.threads(stepper.replay()).require(breakpoint.value());
            case "task" -> RunNames.tasks(stepper.replay()).require(breakpoint.value());
            default -> { }
        }
    }

    private static int address(String text) {
        try {
            return Words.parse(text.startsWith("0x") ? text : "0x" + text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address");
        }
    }

    private static int count(List<String> words, int index) {
        return words.size() <= index ? 1 : count(words, index, Integer.MAX_VALUE);
    }

    /** A positive count of at most {@code most}: what a command shows at once. */
    private static int count(List<String> words, int index, int most) {
        try {
            int value = Integer.parseInt(words.get(index));
            if (value < 1) {
                throw new IllegalArgumentException("a count must be positive");
            }
            if (value > most) {
                throw new IllegalArgumentException("at most " + most + " at once");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + words.get(index) + "' is not a count");
        }
    }

    private static int breakpointNumber(String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + word + "' is not a breakpoint number");
        }
    }

    /** An event number as the trace numbers events: 0 or more. */
    private static long eventNumber(String word) {
        try {
            long value = Long.parseLong(word);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below, as for a negative number
        }
        throw new IllegalArgumentException("'" + word + "' is not an event number");
    }

    private static String required(List<String> words, int index, String what) {
        if (words.size() <= index) {
            throw new IllegalArgumentException("missing " + what);
        }
        return words.get(index);
    }
}
