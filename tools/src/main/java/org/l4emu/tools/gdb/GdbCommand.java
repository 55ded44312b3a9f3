package org.l4emu.tools.gdb;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.tools.L4emu;
import org.l4emu.tools.replay.Replay;
import org.l4emu.tools.replay.RunNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code l4emu gdb FILE --port N}: a GDB remote stub over a replayable run. */
@Command(name = "gdb",
        mixinStandardHelpOptions = true,
        description = {"Boot FILE (arm or x86) halted and wait for gdb-multiarch, or lldb's gdb-remote, on localhost:PORT. "
                        + "What the guests print and the kernel's messages appear on standard output and error, once, as in "
                        + "'l4emu boot'.",
                "Threads are the system's threads; breakpoints, stepping, watchpoints (watch, rwatch, awatch; the "
                        + "kernel writing a watched word stops too) and continuing work as usual, and so do "
                        + "reverse-stepi and reverse-continue (by replaying the deterministic run).",
                "Examples:",
                "  gdb-multiarch -ex 'file guest-programs/target/arm/hello.elf' \\",
                "                -ex 'target remote :1234'",
                "  lldb guest-programs/target/x86/hello.elf -o 'gdb-remote 1234'"})
public final class GdbCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private L4emu l4emu;

    @Parameters(paramLabel = "FILE", description = "An ELF executable or a system description (.xml).")
    private Path file;

    @Option(names = "--port", paramLabel = "N", defaultValue = "1234",
            description = "TCP port on localhost (default: 1234; 0 picks a free one and prints it).")
    private int port;

    @Option(names = "--task", paramLabel = "NAME",
            description = "Breakpoints apply to this task only, and memory reads, writes and watchpoints are in its address space (default: breakpoints in every task that maps the address, memory of the current thread's task).")
    private String task;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("l4emu: --port takes 0..65535");
            return Abi.ExitCode.BAD_INPUT;
        }
        DebugTarget target = new DebugTarget(new RunOutput(l4emu.console(), err));
        BootOptions options = new BootOptions(BootOptions.FROM_DESCRIPTION, BootOptions.UNLIMITED, false, true);
        try (Replay replay = Replay.open(file, options, target);
             ServerSocket server = listen(err)) {
            if (server == null) {
                return Abi.ExitCode.BAD_INPUT;
            }
            if (!taskKnown(replay, err)) {
                return Abi.ExitCode.BAD_INPUT;
            }
            target.attach(replay);
            err.println("l4emu: waiting for gdb on localhost:" + server.getLocalPort() + " (target remote :"
                    + server.getLocalPort() + ")");
            err.flush();
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                new GdbSession(new RspChannel(socket.getInputStream(), socket.getOutputStream()), target, task).serve();
            } catch (IOException e) {
                err.println("l4emu: the debugger's connection ended: " + e.getMessage());
                return Abi.ExitCode.FAILED;
            }
            return 0;
        } catch (BootException e) {
            err.println("l4emu: " + e.getMessage());
            return Abi.ExitCode.BAD_INPUT;
        }
    }

    /** False (said on {@code err}) when --task names a task the run does not have. */
    private boolean taskKnown(Replay replay, PrintWriter err) {
        try {
            if (task != null) {
                RunNames.tasks(replay).requireAll("--task", List.of(task));
            }
            return true;
        } catch (IllegalArgumentException e) {
            err.println("l4emu: " + e.getMessage());
            return false;
        }
    }

    /** The socket on localhost:PORT, or null (said on {@code err}) when the port is taken or not ours to use. */
    private ServerSocket listen(PrintWriter err) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            err.println("l4emu: cannot listen on localhost:" + port + ": " + e.getMessage()
                    + " (another --port, or 0 for a free one)");
            return null;
        }
    }
}
