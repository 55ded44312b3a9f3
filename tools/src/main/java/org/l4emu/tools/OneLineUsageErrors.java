package org.l4emu.tools;

import org.l4emu.abi.Abi;
import picocli.CommandLine;

/** Bad command-line arguments: one line naming the problem, exit code 2, no usage dump. */
final class OneLineUsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("l4emu: " + e.getMessage() + " (see '" + commandLine.getCommandSpec().qualifiedName()
                + " --help')");
        return Abi.ExitCode.BAD_INPUT;
    }
}
