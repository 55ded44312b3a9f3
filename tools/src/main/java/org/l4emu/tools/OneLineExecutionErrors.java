package org.l4emu.tools;

import org.l4emu.abi.Abi;
import org.l4emu.emulator.EmulatorUnavailableException;
import org.l4emu.kernel.run.ConsoleOutputException;
import org.l4emu.tools.trace.IoProblems;
import picocli.CommandLine;

/**
 * Failures the commands cannot turn into an exit code themselves: the emulator library is
 * missing (one line naming the package), standard output cannot take the guests' console (one
 * line, exit 1 like any output a command cannot write), or an internal error (one line; the stack
 * trace only with L4EMU_DEBUG set, because users should never have to read one).
 */
final class OneLineExecutionErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof EmulatorUnavailableException) {
            commandLine.getErr().println("l4emu: " + e.getMessage());
            return Abi.ExitCode.ENVIRONMENT;
        }
        if (e instanceof ConsoleOutputException console) {
            commandLine.getErr().println("l4emu: cannot write standard output: " + IoProblems.describe(console.getCause()));
            return Abi.ExitCode.ENVIRONMENT;
        }
        commandLine.getErr().println("l4emu: internal error: " + e + " (please report it; set L4EMU_DEBUG=1 for details)");
        if (System.getenv("L4EMU_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        }
        return Abi.ExitCode.INTERNAL_ERROR;
    }
}
