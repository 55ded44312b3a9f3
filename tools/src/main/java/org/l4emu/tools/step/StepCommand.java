package org.l4emu.tools.step;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.tools.replay.Replay;
import org.l4emu.tools.trace.IoProblems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code l4emu step FILE}: step through a run's IPC, forward and back. */
@Command(name = "step",
        mixinStandardHelpOptions = true,
        description = {"Step through a guest run interactively, forwards and back.",
                "Forwards to the next IPC event, one instruction, or to a breakpoint; back one event or "
                        + "instruction (by exact deterministic replay); look at registers, UTCB message registers, "
                        + "memory and disassembly. Event numbers are those of 'boot --trace'.",
                "Commands come from standard input (a terminal or a pipe) after any --commands file; 'help' lists them.",
                "A command that fails (unknown, or a bad argument) prints one line 'l4emu: ...' where it failed, "
                        + "and the commands after it still run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every command ran",
                Abi.ExitCode.FAILED + ":a command failed (those typed at a terminal do not count)",
                Abi.ExitCode.BAD_INPUT + ":bad input (FILE cannot boot, SCRIPT cannot be read, options)"})
public final class StepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "An ELF executable or a system description (.xml).")
    private Path file;

    @Option(names = {"-x", "--commands"}, paramLabel = "SCRIPT", description = "Run the commands in SCRIPT first.")
    private Path script;

    @Option(names = {"-e", "--eval"}, paramLabel = "COMMAND", description = "Run COMMAND (repeatable), after SCRIPT.")
    private List<String> evaluate = new ArrayList<>();

    @Option(names = "--batch", description = "Do not read standard input: quit after --commands and --eval.")
    private boolean batch;

    @Option(names = "--max-time-us", paramLabel = "N", description = "Virtual-time limit (default: the description's).")
    private Long maxTimeMicros;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines = new ArrayList<>();
        if (script != null) {
            try {
                lines.addAll(Files.readAllLines(script, StandardCharsets.UTF_8));
            } catch (IOException e) {
                spec.commandLine().getErr().println("l4emu: " + script + ": cannot read (" + IoProblems.describe(e) + ")");
                return Abi.ExitCode.BAD_INPUT;
            }
        }
        lines.addAll(evaluate);
        BootOptions options = new BootOptions(maxTimeMicros == null ? BootOptions.FROM_DESCRIPTION : maxTimeMicros,
                BootOptions.UNLIMITED, false, true);
        Stepper stepper = new Stepper(out);
        try (Replay replay = Replay.open(file, options, stepper)) {
            stepper.attach(replay);
            out.println("l4emu step: " + replay.description().name() + " booted; 'help' lists the commands");
            stepper.where();
            StepCommands commands = new StepCommands(stepper);
            for (String line : lines) {
                out.println("(step) " + line);
                if (!commands.execute(line)) {
                    return exitCode(commands.anyFailed());
                }
            }
            if (batch) {
                return exitCode(commands.anyFailed());
            }
            boolean scriptFailed = commands.anyFailed();
            boolean terminal = System.console() != null && System.console().isTerminal();
            interact(commands, out, terminal);
            // at a terminal the user saw each mistake and went on: the session itself did not fail
            return exitCode(terminal ? scriptFailed : commands.anyFailed());
        } catch (BootException e) {
            spec.commandLine().getErr().println("l4emu: " + e.getMessage());
            return Abi.ExitCode.BAD_INPUT;
        }
    }

    private static int exitCode(boolean anyFailed) {
        return anyFailed ? Abi.ExitCode.FAILED : 0;
    }

    /** Reads commands until end of input; prompts only on a terminal, echoes them otherwise so logs read well. */
    private static void interact(StepCommands commands, PrintWriter out, boolean terminal) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            if (terminal) {
                out.print("(step) ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                return;
            }
            if (!terminal) {
                out.println("(step) " + line);
            }
            if (!commands.execute(line)) {
                return;
            }
        }
    }
}
