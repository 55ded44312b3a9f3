package org.l4emu.kernel.trace;

import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.redirect.RedirectionRule;
import org.l4emu.kernel.system.MonitorClass;

/**
 * Passes every kernel event to two observers, first to second: a timer before a recorder, a
 * recorder before a checker that reads what it recorded.
 */
public final class EventTee implements KernelEvents {
    private final KernelEvents first;
    private final KernelEvents second;

    public EventTee(KernelEvents first, KernelEvents second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void booted(KernelView kernel) {
        first.booted(kernel);
        second.booted(kernel);
    }

    @Override
    public void threadStarted(Thread thread) {
        first.threadStarted(thread);
        second.threadStarted(thread);
    }

    @Override
    public void threadExited(Thread thread, String reason) {
        first.threadExited(thread, reason);
        second.threadExited(thread, reason);
    }

    @Override
    public void syscall(Thread thread, int number) {
        first.syscall(thread, number);
        second.syscall(thread, number);
    }

    @Override
    public void sendStarted(Thread sender, int to, int tag, int sendDescriptor) {
        first.sendStarted(sender, to, tag, sendDescriptor);
        second.sendStarted(sender, to, tag, sendDescriptor);
    }

    @Override
    public void redirected(Thread sender, int trueSource, Thread intendedReceiver, Thread monitor,
                           MonitorClass monitorClass) {
        first.redirected(sender, trueSource, intendedReceiver, monitor, monitorClass);
        second.redirected(sender, trueSource, intendedReceiver, monitor, monitorClass);
    }

    @Override
    public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
        first.delivered(sender, receiver, from, tag, dope);
        second.delivered(sender, receiver, from, tag, dope);
    }

    @Override
    public void blockedSourceEnded(Thread blockedSource, int dope, String cause) {
        first.blockedSourceEnded(blockedSource, dope, cause);
        second.blockedSourceEnded(blockedSource, dope, cause);
    }

    @Override
    public void controllerNotified(Thread monitor, int blockedSource, int trueSource, int finalReceiver,
                                   int errorCode) {
        first.controllerNotified(monitor, blockedSource, trueSource, finalReceiver, errorCode);
        second.controllerNotified(monitor, blockedSource, trueSource, finalReceiver, errorCode);
    }

    @Override
    public void ipcFailed(Thread thread, int dope) {
        first.ipcFailed(thread, dope);
        second.ipcFailed(thread, dope);
    }

    @Override
    public void syscallFailed(Thread thread, int number, int errorCode) {
        first.syscallFailed(thread, number, errorCode);
        second.syscallFailed(thread, number, errorCode);
    }

    @Override
    public void console(Thread thread, byte[] bytes) {
        first.console(thread, bytes);
        second.console(thread, bytes);
    }

    @Override
    public void breakpoint(Thread thread, int argument) {
        first.breakpoint(thread, argument);
        second.breakpoint(thread, argument);
    }

    @Override
    public void pageFault(Thread thread, int address, int accessBits, int instructionPointer) {
        first.pageFault(thread, address, accessBits, instructionPointer);
        second.pageFault(thread, address, accessBits, instructionPointer);
    }

    @Override
    public void mapped(Task task, int virtualAddress, int rightsBits) {
        first.mapped(task, virtualAddress, rightsBits);
        second.mapped(task, virtualAddress, rightsBits);
    }

    @Override
    public void redirectionRuleAdded(RedirectionRule rule) {
        first.redirectionRuleAdded(rule);
        second.redirectionRuleAdded(rule);
    }

    @Override
    public void redirectionRuleRemoved(Task source, Task dest, Thread monitor) {
        first.redirectionRuleRemoved(source, dest, monitor);
        second.redirectionRuleRemoved(source, dest, monitor);
    }

    @Override
    public void allowRuleAdded(Task source, Task dest) {
        first.allowRuleAdded(source, dest);
        second.allowRuleAdded(source, dest);
    }

    @Override
    public void threadCreated(Thread thread) {
        first.threadCreated(thread);
        second.threadCreated(thread);
    }

    @Override
    public void faultIpcStarted(Thread thread, Thread handler) {
        first.faultIpcStarted(thread, handler);
        second.faultIpcStarted(thread, handler);
    }

    @Override
    public void messageTransferred(Thread sender, Thread receiver, int senderTag, int words) {
        first.messageTransferred(sender, receiver, senderTag, words);
        second.messageTransferred(sender, receiver, senderTag, words);
    }

    @Override
    public void itemsTransferring(Thread sender, Thread receiver, boolean wholeSpace, int window) {
        first.itemsTransferring(sender, receiver, wholeSpace, window);
        second.itemsTransferring(sender, receiver, wholeSpace, window);
    }

    @Override
    public void mappingAdded(Task from, int fromPage, Task to, int toPage, int rightsBits, boolean grant) {
        first.mappingAdded(from, fromPage, to, toPage, rightsBits, grant);
        second.mappingAdded(from, fromPage, to, toPage, rightsBits, grant);
    }

    @Override
    public void mappingRevoked(Task task, int page, int rightsLeft) {
        first.mappingRevoked(task, page, rightsLeft);
        second.mappingRevoked(task, page, rightsLeft);
    }

    @Override
    public void deadlineChanged(Thread thread, long deadline) {
        first.deadlineChanged(thread, deadline);
        second.deadlineChanged(thread, deadline);
    }

    @Override
    public void trapHandled(Thread thread) {
        first.trapHandled(thread);
        second.trapHandled(thread);
    }

    @Override
    public void finished(int exitCode) {
        first.finished(exitCode);
        second.finished(exitCode);
    }
}
