package org.l4emu.kernel.trace;

import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.redirect.RedirectionRule;
import org.l4emu.kernel.system.MonitorClass;

/**
 * What the kernel reports to observers (trace recorders, steppers, benchmarks). Every method has
 * an empty default so observers implement only what they need. The kernel calls them
 * synchronously, at the moment the event happens: an observer reads virtual time, instruction
 * counts, registers and UTCBs through the {@link KernelView} it is given by {@link #booted}.
 */
public interface KernelEvents {
    KernelEvents NONE = new KernelEvents() {};

    /** The system is built and about to run; {@code kernel} answers queries from now on. */
    default void booted(KernelView kernel) {}

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

    /**
     * A redirection rule was added (R1): at boot, in description order, and by the redirect
     * system call. Reported before {@link #booted} for the rules of the description.
     */
    default void redirectionRuleAdded(RedirectionRule rule) {}

    /** The redirect system call removed the rules with this source, destination and monitor (null task: any). */
    default void redirectionRuleRemoved(Task source, Task dest, Thread monitor) {}

    /** An {@code allow} rule of the description (P1), reported before {@link #booted}. */
    default void allowRuleAdded(Task source, Task dest) {}

    /** thread_control created {@code thread} (halted, its UTCB page mapped); boot threads are not reported. */
    default void threadCreated(Thread thread) {}

    /** The kernel starts a page-fault or exception IPC on {@code thread}'s behalf to {@code handler} (S6). */
    default void faultIpcStarted(Thread thread, Thread handler) {}

    /** {@link #messageTransferred}'s word count when the kernel wrote nothing (a reply to a fault, S6). */
    int NOTHING_WRITTEN = -1;

    /**
     * A message was written into {@code receiver}'s UTCB: MR0 and then MR1..MR{@code words}, or
     * nothing ({@link #NOTHING_WRITTEN}). {@code senderTag} is MR0 as the kernel read it from the
     * sender at that moment; {@code sender} is null for a kernel-generated controller
     * notification. Reported just before {@link #delivered}.
     */
    default void messageTransferred(Thread sender, Thread receiver, int senderTag, int words) {}

    /**
     * The typed items of {@code sender}'s message are about to be applied to {@code receiver}'s
     * space (S5): through the receive window {@code window} (BR0 as read now), or anywhere in
     * the space for a reply to a page fault ({@code wholeSpace}).
     */
    default void itemsTransferring(Thread sender, Thread receiver, boolean wholeSpace, int window) {}

    /**
     * A mapping was made in the mapping database: {@code to}'s page {@code toPage} now maps
     * {@code from}'s page {@code fromPage} with {@code rightsBits} (4 r, 2 w, 1 x). {@code from}
     * is null for a mapping the kernel makes from its own memory (boot, sigma0, UTCB and boot
     * info pages); {@code grant} when the page moved rather than being shared. Reported for boot
     * mappings too, before {@link #booted}.
     */
    default void mappingAdded(Task from, int fromPage, Task to, int toPage, int rightsBits, boolean grant) {}

    /** Rights were revoked from {@code task}'s page: {@code rightsLeft} remain (0: the mapping is gone). */
    default void mappingRevoked(Task task, int page, int rightsLeft) {}

    /**
     * {@code thread}'s pending IPC timeout changed: set to {@code deadline} (virtual ns), or
     * cleared ({@link Thread#NO_DEADLINE}). Only finite deadlines are reported, and their removal;
     * a deadline that expires is reported by the timeout error instead.
     */
    default void deadlineChanged(Thread thread, long deadline) {}

    /** The kernel finished handling {@code thread}'s trap (system call, fault or end of budget). */
    default void trapHandled(Thread thread) {}

    /** The run ended with {@code exitCode}. */
    default void finished(int exitCode) {}
}
