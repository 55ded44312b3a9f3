package org.l4emu.tools;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jdk.jfr.FlightRecorder;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.host.LinkerWarmup;
import org.l4emu.tools.bench.BenchCommand;
import org.l4emu.tools.gdb.GdbCommand;
import org.l4emu.tools.step.StepCommand;
import org.l4emu.tools.trace.TraceCommand;
import org.l4emu.tools.fuzz.FuzzCommand;
import org.l4emu.tools.harness.TestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code l4emu} command: a microkernel laboratory on an emulated CPU. Its subcommands are
 * {@link #SUBCOMMANDS}, given to picocli when the command line runs rather than in the
 * annotation: picocli builds the model of every command it is given by reflection, which costs
 * about 0.1 s at each start, so a run that names its subcommand gets only that one.
 */
@Command(name = "l4emu",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Boot guest binaries on the l4emu L4 kernel and watch their IPC.")
public final class L4emu implements Runnable {
    /** Every subcommand, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(BootCommand.class, TraceCommand.class, StepCommand.class,
            GdbCommand.class, BenchCommand.class, FuzzCommand.class, TestCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose",
            description = "With --version: also the engine library's file and the accelerators each machine uses.")
    private boolean verbose;

    static {
        // picocli looks for Groovy's Closure class when it first makes a command: a class no jar
        // holds, so the class loader opened and indexed every jar of the class path (about 30 ms
        // of each start); l4emu has no Groovy closures in its annotations.
        System.setProperty("picocli.disable.closures", "true");
    }

    private final OutputStream console;
    private final PrintStream err;

    private L4emu(OutputStream console, PrintStream err) {
        this.console = console;
        this.err = err;
    }

    public static void main(String[] args) {
        LinkerWarmup.start();
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        int exit = execute(stdout, System.err, args);
        try {
            stdout.flush();
        } catch (IOException e) {
            if (exit != Abi.ExitCode.ENVIRONMENT) { // else the failure was reported already (a console write)
                System.err.println("l4emu: cannot write standard output: " + e.getMessage());
            }
            exit = Abi.ExitCode.ENVIRONMENT;
        }
        exit(exit);
    }

    /**
     * Ends the process with {@code code}, everything written. Without a shutdown hook that matters
     * (JFR's is the one a user may have started), through {@link Runtime#halt}: {@link
     * System#exit} first asks the system logger whether to log the exit, and finding its back end
     * scans every jar of the class path for services, about 30 ms of CPU at the end of every
     * command.
     */
    private static void exit(int code) {
        if (FlightRecorder.isInitialized()) {
            System.exit(code);
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /**
     * Runs the command line with {@code console} as standard output (guest console bytes pass
     * through unchanged) and {@code err} for messages; returns the exit code.
     */
    public static int execute(OutputStream console, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new L4emu(console, err));
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(console, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setParameterExceptionHandler(new OneLineUsageErrors());
        commandLine.setExecutionExceptionHandler(new OneLineExecutionErrors());
        return commandLine.execute(args);
    }

    /** The subcommand the arguments name first, alone; all of them for anything else (help, errors). */
    private static List<Class<?>> subcommandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (command.name().equals(args[0]) && subcommand != CommandLine.HelpCommand.class) {
                    return List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /** True when --verbose was given (for --version). */
    boolean verbose() {
        return verbose;
    }

    /** Where guest console bytes go. */
    public OutputStream console() {
        return console;
    }

    /** Where the kernel's and the tools' messages go. */
    PrintStream err() {
        return err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}
