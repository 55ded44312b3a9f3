package org.l4emu.tools.replay;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.redirect.RedirectionRule;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;
import org.l4emu.tools.trace.BytePipe;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceHeader;
import org.l4emu.tools.trace.TraceReader;
import org.l4emu.tools.trace.TraceRecorder;

/**
 * Records the replayed run with the trace recorder and decodes it straight back, so the stepper
 * and the debugger see the very events (same numbers, same words) that {@code boot --trace} writes.
 */
final class DecodingEvents implements KernelEvents {
    private final BytePipe pipe = new BytePipe();
    private final TraceRecorder recorder;
    private final TraceReader reader;
    private final ReplayProbe probe;
    private final EventListener listener;
    /** The events of the kernel step in progress, which describe what the kernel wrote. */
    private final List<TraceEvent> step = new ArrayList<>();

    DecodingEvents(TraceHeader header, ReplayProbe probe, EventListener listener) {
        this.recorder = new TraceRecorder(pipe.sink, "replay", header);
        recorder.flush();
        this.reader = new TraceReader(pipe.source, "replay");
        this.probe = probe;
        this.listener = listener;
    }

    TraceReader reader() {
        return reader;
    }

    private void deliver() {
        recorder.flush();
        TraceEvent event;
        while ((event = reader.next()) != null) {
            step.add(event);
            listener.event(event);
        }
    }

    @Override
    public void booted(KernelView kernel) {
        recorder.booted(kernel);
        deliver();
        probe.booted(kernel);
    }

    @Override
    public void threadStarted(Thread thread) {
        recorder.threadStarted(thread);
        deliver();
    }

    @Override
    public void threadExited(Thread thread, String reason) {
        recorder.threadExited(thread, reason);
        deliver();
    }

    @Override
    public void syscall(Thread thread, int number) {
        recorder.syscall(thread, number);
        deliver();
    }

    @Override
    public void sendStarted(Thread sender, int to, int tag, int sendDescriptor) {
        recorder.sendStarted(sender, to, tag, sendDescriptor);
        deliver();
    }

    @Override
    public void redirected(Thread sender, int trueSource, Thread intendedReceiver, Thread monitor,
                           MonitorClass monitorClass) {
        recorder.redirected(sender, trueSource, intendedReceiver, monitor, monitorClass);
        deliver();
    }

    @Override
    public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
        recorder.delivered(sender, receiver, from, tag, dope);
        deliver();
    }

    @Override
    public void blockedSourceEnded(Thread blockedSource, int dope, String cause) {
        recorder.blockedSourceEnded(blockedSource, dope, cause);
        deliver();
    }

    @Override
    public void controllerNotified(Thread monitor, int blockedSource, int trueSource, int finalReceiver,
                                   int errorCode) {
        recorder.controllerNotified(monitor, blockedSource, trueSource, finalReceiver, errorCode);
        deliver();
    }

    @Override
    public void ipcFailed(Thread thread, int dope) {
        recorder.ipcFailed(thread, dope);
        deliver();
    }

    @Override
    public void syscallFailed(Thread thread, int number, int errorCode) {
        recorder.syscallFailed(thread, number, errorCode);
        deliver();
    }

    @Override
    public void console(Thread thread, byte[] bytes) {
        recorder.console(thread, bytes);
        deliver();
    }

    @Override
    public void breakpoint(Thread thread, int argument) {
        recorder.breakpoint(thread, argument);
        deliver();
    }

    @Override
    public void pageFault(Thread thread, int address, int accessBits, int instructionPointer) {
        recorder.pageFault(thread, address, accessBits, instructionPointer);
        deliver();
    }

    @Override
    public void mapped(Task task, int virtualAddress, int rightsBits) {
        recorder.mapped(task, virtualAddress, rightsBits);
        deliver();
    }

    @Override
    public void redirectionRuleAdded(RedirectionRule rule) {
        recorder.redirectionRuleAdded(rule);
        deliver();
    }

    @Override
    public void redirectionRuleRemoved(Task source, Task dest, Thread monitor) {
        recorder.redirectionRuleRemoved(source, dest, monitor);
        deliver();
    }

    @Override
    public void allowRuleAdded(Task source, Task dest) {
        recorder.allowRuleAdded(source, dest);
        deliver();
    }

    @Override
    public void threadCreated(Thread thread) {
        recorder.threadCreated(thread);
        deliver();
    }

    @Override
    public void faultIpcStarted(Thread thread, Thread handler) {
        recorder.faultIpcStarted(thread, handler);
        deliver();
    }

    @Override
    public void messageTransferred(Thread sender, Thread receiver, int senderTag, int words) {
        recorder.messageTransferred(sender, receiver, senderTag, words);
        deliver();
    }

    @Override
    public void itemsTransferring(Thread sender, Thread receiver, boolean wholeSpace, int window) {
        recorder.itemsTransferring(sender, receiver, wholeSpace, window);
        deliver();
    }

    @Override
    public void mappingAdded(Task from, int fromPage, Task to, int toPage, int rightsBits, boolean grant) {
        recorder.mappingAdded(from, fromPage, to, toPage, rightsBits, grant);
        deliver();
    }

    @Override
    public void mappingRevoked(Task task, int page, int rightsLeft) {
        recorder.mappingRevoked(task, page, rightsLeft);
        deliver();
    }

    @Override
    public void deadlineChanged(Thread thread, long deadline) {
        recorder.deadlineChanged(thread, deadline);
        deliver();
    }

    @Override
    public void trapHandled(Thread thread) {
        recorder.trapHandled(thread);
        deliver();
        for (Hit hit : probe.takeHits(step)) {
            listener.hit(hit);
        }
        step.clear();
        listener.trapHandled(thread);
    }

    @Override
    public void finished(int exitCode) {
        recorder.finished(exitCode);
        deliver();
    }
}
