package org.l4emu.tools.fuzz;

import java.util.Map;
import java.util.TreeMap;
import org.l4emu.kernel.ipc.Dope;

/** What a fuzz run counted: system calls by number, IPC errors by code and phase, and the threads that ended. */
final class FuzzStatistics {
    /** Dope bit 12 (ABI.md section 3): the error belongs to the receive phase. */
    private static final int RECEIVE_PHASE_BIT = 1 << 12;

    private long syscalls;
    private final long[] byNumber = new long[FuzzReport.NAMED_SYSCALLS + 1];
    /** IPC failures by error code: [send phase, receive phase]. */
    private final Map<Integer, long[]> ipcErrors = new TreeMap<>();
    private long ipcFailures;
    private long deliveries;
    private long consoleBytes;
    private long exited;
    private long faulted;

    void syscall(int number) {
        syscalls++;
        byNumber[number >= 0 && number < FuzzReport.NAMED_SYSCALLS ? number : FuzzReport.NAMED_SYSCALLS]++;
    }

    void ipcFailed(int dope) {
        ipcFailures++;
        ipcErrors.computeIfAbsent(Dope.errorCode(dope), code -> new long[2])[(dope & RECEIVE_PHASE_BIT) == 0 ? 0 : 1]++;
    }

    void delivered() {
        deliveries++;
    }

    void console(int bytes) {
        consoleBytes += bytes;
    }

    void threadEnded(String reason) {
        if (reason.equals("fault")) {
            faulted++;
        } else {
            exited++;
        }
    }

    long syscalls() {
        return syscalls;
    }

    /** System calls with number {@code number}; {@link FuzzReport#NAMED_SYSCALLS} counts every undefined one. */
    long syscalls(int number) {
        return byNumber[number];
    }

    /** IPC failures by error code, each as [send phase, receive phase] counts. */
    Map<Integer, long[]> ipcErrors() {
        return ipcErrors;
    }

    long ipcFailures() {
        return ipcFailures;
    }

    long deliveries() {
        return deliveries;
    }

    long consoleBytes() {
        return consoleBytes;
    }

    long threadsExited() {
        return exited;
    }

    long threadsFaulted() {
        return faulted;
    }
}
