package org.l4emu.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code l4emu} command: a microkernel laboratory on an emulated CPU. */
@Command(name = "l4emu",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Boot guest binaries on the l4emu L4 kernel and watch their IPC.",
        subcommands = {BootCommand.class, CommandLine.HelpCommand.class})
public final class L4emu implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting (for tests). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new L4emu());
        commandLine.setParameterExceptionHandler(new OneLineUsageErrors());
        commandLine.setExecutionExceptionHandler(new OneLineExecutionErrors());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'l4emu --help')");
    }
}
