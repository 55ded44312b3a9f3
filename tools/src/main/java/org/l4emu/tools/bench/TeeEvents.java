package org.l4emu.tools.bench;

import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;

/** Passes every kernel event to two observers, first to second (the timer before the recorder). */
final class TeeEvents implements KernelEvents {
    private final KernelEvents first;
    private final KernelEvents second;

    TeeEvents(KernelEvents first, KernelEvents second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void booted(Kernel kernel) {
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
