package org.l4emu.tools.fuzz;

import java.util.Map;
import java.util.TreeMap;
import org.l4emu.kernel.ipc.Dope;

/**
 * What a fuzz run counted: system calls by number, system calls and faults by generator class
 * (a class attacks by faulting, too), IPC errors by code and phase, and the threads that ended.
 */
public final class FuzzStatistics {
    /** Dope bit 12 (ABI.md section 3): the error belongs to the receive phase. */
    private static final int RECEIVE_PHASE_BIT = 1 << 12;
    private static final int CLASSES = AttackClass.values().length;
    private static final int ERROR_CODES = 16;

    private long syscalls;
    private final long[] byNumber = new long[FuzzReport.NAMED_SYSCALLS + 1];
    /** Calls and faults by class ordinal; the last counts those of no class (the keeper's, servers' answers). */
    private final long[] byClass = new long[CLASSES + 1];
    /** IPC failures by error code (dope bits 11..8) and phase: [code][send, receive]. */
    private final long[][] ipcErrors = new long[ERROR_CODES][2];
    private long ipcFailures;
    private long deliveries;
    private long consoleBytes;
    private long exited;
    private long faulted;
    /** {@link #syscalls} when a generator class last made a call or raised a fault. */
    private long lastFuzzerActionAt;

    /** One system call numbered {@code number} made for generator class {@code classIndex} (out of range: none). */
    public void syscall(int number, int classIndex) {
        syscalls++;
        byNumber[number >= 0 && number < FuzzReport.NAMED_SYSCALLS ? number : FuzzReport.NAMED_SYSCALLS]++;
        countClass(classIndex);
    }

    /** A page fault or exception a thread raised for generator class {@code classIndex} (out of range: none). */
    public void fault(int classIndex) {
        countClass(classIndex);
    }

    private void countClass(int classIndex) {
        if (classIndex >= 0 && classIndex < CLASSES) {
            byClass[classIndex]++;
            lastFuzzerActionAt = syscalls;
        } else {
            byClass[CLASSES]++;
        }
    }

    public void ipcFailed(int dope) {
        ipcFailures++;
        ipcErrors[Dope.errorCode(dope)][(dope & RECEIVE_PHASE_BIT) == 0 ? 0 : 1]++;
    }

    public void delivered() {
        deliveries++;
    }

    public void console(int bytes) {
        consoleBytes += bytes;
    }

    public void threadEnded(String reason) {
        if (reason.equals("fault")) {
            faulted++;
        } else {
            exited++;
        }
    }

    public long syscalls() {
        return syscalls;
    }

    /** System calls with number {@code number}; {@link FuzzReport#NAMED_SYSCALLS} counts every undefined one. */
    public long syscalls(int number) {
        return byNumber[number];
    }

    /** System calls and faults made for {@code attackClass}. */
    public long calls(AttackClass attackClass) {
        return byClass[attackClass.ordinal()];
    }

    /** System calls made since a generator class last made one or raised a fault: the keeper's, servers' and monitors' alone. */
    public long syscallsSinceFuzzersActed() {
        return syscalls - lastFuzzerActionAt;
    }

    /** System calls and faults made for no generator class. */
    public long unclassifiedCalls() {
        return byClass[CLASSES];
    }

    /** IPC failures by error code (the codes that occurred, in order), each as [send phase, receive phase] counts. */
    public Map<Integer, long[]> ipcErrors() {
        Map<Integer, long[]> byCode = new TreeMap<>();
        for (int code = 0; code < ERROR_CODES; code++) {
            if (ipcErrors[code][0] + ipcErrors[code][1] > 0) {
                byCode.put(code, ipcErrors[code].clone());
            }
        }
        return byCode;
    }

    public long ipcFailures() {
        return ipcFailures;
    }

    public long deliveries() {
        return deliveries;
    }

    public long consoleBytes() {
        return consoleBytes;
    }

    public long threadsExited() {
        return exited;
    }

    public long threadsFaulted() {
        return faulted;
    }
}
