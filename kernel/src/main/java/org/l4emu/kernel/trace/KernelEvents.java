package org.l4emu.kernel.trace;

import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * What the kernel reports to observers (trace recorders, steppers, benchmarks). Every method has
 * an empty default so observers implement only what they need. The kernel calls them
 * synchronously, at the moment the event happens: an observer reads virtual time, instruction
 * counts, registers and UTCBs through the {@link Kernel} it is given by {@link #booted}.
 */
public interface KernelEvents {
    KernelEvents NONE = new KernelEvents() {};

    /** The system is built and about to run; {@code kernel} answers queries from now on. */
    default void booted(Kernel kernel) {}

    default void threadStarted(Thread thread) {}

    /** {@code reason}: "exit" (kdebug op 4) or "fault" (stopped by an unresolved fault). */
    default void threadExited(Thread thread, String reason) {}

    /** A thread entered the kernel; its registers hold the arguments. */
    default void syscall(Thread thread, int number) {}

    /** An ipc with a send phase passed its argument checks; the sender's MRs hold the message. */
    default void sendStarted(Thread sender, int to, int tag, int sendDescriptor) {}

    /** A message is on its way to {@code monitor} instead of {@code intendedReceiver} (R2). */
    default void redirected(Thread sender, int trueSource, Thread intendedReceiver, Thread monitor,
                            MonitorClass monitorClass) {}

    /**
     * {@code receiver} received a message (its MRs now hold it). {@code sender} is null for a
     * kernel-generated controller notification.
     */
    default void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {}

    /** A blocked source's send ended after monitors: released ({@code dope} 0) or failed (M1-M3, M6). */
    default void blockedSourceEnded(Thread blockedSource, int dope, String cause) {}

    /** A controller notification was queued for, or given to, {@code monitor} (M6). */
    default void controllerNotified(Thread monitor, int blockedSource, int trueSource, int finalReceiver,
                                    int errorCode) {}

    /** An IPC ended with an error; the dope holds code and phase. */
    default void ipcFailed(Thread thread, int dope) {}

    /**
     * A system call other than ipc (kdebug, exchange_registers, thread_control, unmap, redirect,
     * or an unknown number) set result 0 to {@code errorCode}, not 0 (P2).
     */
    default void syscallFailed(Thread thread, int number, int errorCode) {}

    default void console(Thread thread, byte[] bytes) {}

    default void breakpoint(Thread thread, int argument) {}

    default void pageFault(Thread thread, int address, int accessBits, int instructionPointer) {}

    /** A page was mapped into {@code task} (boot-time mappings are not reported). */
    default void mapped(Task task, int virtualAddress, int rightsBits) {}

    /** The kernel finished handling {@code thread}'s trap (system call, fault or end of budget). */
    default void trapHandled(Thread thread) {}

    /** The run ended with {@code exitCode}. */
    default void finished(int exitCode) {}
}
