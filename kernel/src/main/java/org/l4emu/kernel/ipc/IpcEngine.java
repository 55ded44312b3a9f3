package org.l4emu.kernel.ipc;

import java.util.List;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.memory.BadUserAddressException;
import org.l4emu.kernel.memory.Fpage;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.UserMemory;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.redirect.AllowRules;
import org.l4emu.kernel.redirect.MonitorPath;
import org.l4emu.kernel.redirect.RedirectionTable;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.TimeoutQueue;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * The ipc system call: argument and permission checks before any waiting (P1, P2), the send
 * phase by option, and the receive phase that follows it in the same kernel step (S4).
 */
public final class IpcEngine {
    private static final int NO_OPTION = -1;

    private final ThreadTable threads;
    private final Scheduler scheduler;
    private final TimeoutQueue timeouts;
    private final VirtualClock clock;
    private final Utcb utcb;
    private final UserMemory userMemory;
    private final KernelEvents events;
    private final RedirectionTable redirections;
    private final AllowRules allowRules;
    private final Rendezvous rendezvous;
    private final SendRouter router;
    private final MonitorOptions monitorOptions;
    private final MessageItems items;
    /** path(S, D) of the send being started: filled afresh by each send, copied where it is kept. */
    private final MonitorPath startingPath = new MonitorPath();
    /** The parameter block of the ipc call being handled: read afresh by each call, never kept. */
    private final ParameterBlock parameterBlock = new ParameterBlock();

    public IpcEngine(ThreadTable threads, Scheduler scheduler, TimeoutQueue timeouts, VirtualClock clock,
                     Utcb utcb, UserMemory userMemory, KernelEvents events, RedirectionTable redirections,
                     AllowRules allowRules, MappingDatabase mappings) {
        this.threads = threads;
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.clock = clock;
        this.utcb = utcb;
        this.userMemory = userMemory;
        this.events = events;
        this.redirections = redirections;
        this.allowRules = allowRules;
        this.items = new MessageItems(utcb, mappings, events);
        this.rendezvous = new Rendezvous(threads, scheduler, timeouts, clock, utcb, events, items, this::startReceive);
        this.router = new SendRouter(scheduler, timeouts, clock, rendezvous, events);
        this.monitorOptions = new MonitorOptions(threads, clock, utcb, redirections, rendezvous, router);
    }

    public Rendezvous rendezvous() {
        return rendezvous;
    }

    /** ipc(to, from_spec, timeouts, snd_desc) for the running thread {@code caller}. */
    public void ipc(Thread caller, int to, int fromSpec, int timeoutWord, int sendDescriptor) {
        if (to == ThreadId.NIL && fromSpec == ThreadId.NIL) {
            // Neither phase: nothing to check, nothing to do; ErrorCode stays as it was (ABI).
            caller.context().setResult(0, ThreadId.NIL);
            caller.context().setResult(1, 0);
            return;
        }
        boolean hasSend = to != ThreadId.NIL;
        int sendTimeout = Timeout.sendPart(timeoutWord);
        int receiveTimeout = Timeout.receivePart(timeoutWord);
        boolean badWindow = fromSpec != ThreadId.NIL && !Fpage.isValid(utcb.read(caller, Utcb.BR0));
        if (!Timeout.isValid(sendTimeout) || !Timeout.isValid(receiveTimeout) || badWindow) {
            // P2: checked before any waiting, so a bad argument of the receive phase (S5: an
            // invalid receive window) fails a call before its send, as its send phase.
            if (hasSend) {
                refuseSend(caller, to, IpcError.INVALID_ARGUMENT);
            } else {
                rendezvous.fail(caller, IpcError.INVALID_ARGUMENT, Phase.RECEIVE);
            }
            return;
        }
        caller.setFollowingReceive(fromSpec, receiveTimeout);
        if (!hasSend) {
            startReceive(caller, fromSpec, receiveTimeout);
            return;
        }
        ParameterBlock block;
        try {
            block = readParameterBlock(caller, sendDescriptor);
        } catch (BadUserAddressException e) {
            refuseSend(caller, to, IpcError.INVALID_ARGUMENT);
            return;
        }
        if (!SendDescriptor.isValid(sendDescriptor) || !items.wellFormed(caller)) {
            refuseSend(caller, to, IpcError.INVALID_ARGUMENT);
            return;
        }
        events.sendStarted(caller, to, utcb.tag(caller), sendDescriptor);
        int option = SendDescriptor.hasOption(sendDescriptor) ? SendDescriptor.optionCode(sendDescriptor) : NO_OPTION;
        switch (option) {
            case NO_OPTION, Abi.Option.UNRELIABLE ->
                    sourceSend(caller, to, sendTimeout, option == Abi.Option.UNRELIABLE, block);
            case Abi.Option.ERROR, Abi.Option.UNBLOCKING ->
                    monitorOptions.endBlockedSource(caller, to, option == Abi.Option.ERROR);
            case Abi.Option.NOTIFICATION -> monitorOptions.passNotification(caller, to, sendTimeout);
            default -> monitorOptions.forward(caller, to, sendTimeout, option, block);
        }
    }

    /**
     * The caller's send to {@code to} is refused before it begins (a bad argument, P2; an allow
     * rule, P1): the caller learns, and so does the destination if it is in a closed wait on the
     * caller (S2).
     */
    private void refuseSend(Thread caller, int to, IpcError error) {
        rendezvous.fail(caller, error, Phase.SEND);
        rendezvous.tellClosedWaiter(caller, threads.lookup(to), error);
    }

    private ParameterBlock readParameterBlock(Thread caller, int sendDescriptor) throws BadUserAddressException {
        int address = SendDescriptor.parameterBlock(sendDescriptor);
        if (address == 0) {
            return null;
        }
        parameterBlock.read(userMemory, caller.task().space(), address);
        return parameterBlock;
    }

    /**
     * A call the kernel makes on {@code thread}'s behalf to {@code handler} (its pager or
     * exception handler) with {@code message} (MR0..), the kernel's own copy: no timeouts, and,
     * as for the thread's own sends, allow rules and redirection (P1, R1, S6). Returns false,
     * sending nothing, when the thread may not send to the handler.
     */
    public boolean kernelCall(Thread thread, Thread handler, int[] message) {
        events.faultIpcStarted(thread, handler);
        events.sendStarted(thread, handler.id(), message[0], 0);
        redirections.path(thread, handler.task(), startingPath);
        if (!permitted(thread, handler, startingPath)) {
            // Nothing is sent; observers hear the refusal a thread's own send would get (P1).
            events.ipcFailed(thread, Dope.error(IpcError.NOT_PERMITTED, Phase.SEND));
            return false;
        }
        thread.setFollowingReceive(handler.id(), 0);
        launch(thread, handler, startingPath, 0, false, 0, message);
        return true;
    }

    /** A send by the thread itself (no deceit): direct, or to the first monitor of its path (R2). */
    private void sourceSend(Thread caller, int to, int sendTimeout, boolean unreliable, ParameterBlock block) {
        Thread destination = threads.lookup(to);
        if (destination == null) {
            rendezvous.fail(caller, IpcError.NO_PARTNER, Phase.SEND);
            return;
        }
        redirections.path(caller, destination.task(), startingPath);
        if (!permitted(caller, destination, startingPath)) {
            refuseSend(caller, to, IpcError.NOT_PERMITTED);
            return;
        }
        long delay = block == null ? 0 : Integer.toUnsignedLong(block.delayTimeoutMicros());
        launch(caller, destination, startingPath, sendTimeout, unreliable, delay, null);
    }

    /** P1: allow rules bind sends that no redirection rule routes to a monitor, which decides. */
    private boolean permitted(Thread source, Thread destination, MonitorPath path) {
        return !path.isEmpty() || allowRules.permits(source.task(), destination.task());
    }

    /** Starts a permitted send: straight to the destination, or as a monitored IPC along its path. */
    private void launch(Thread source, Thread destination, MonitorPath path, int sendTimeout, boolean unreliable,
                        long delayMicros, int[] kernelMessage) {
        if (path.isEmpty()) {
            PendingSend send = PendingSend.direct(source, destination, 0, sendTimeout);
            send.carryKernelMessage(kernelMessage);
            router.offer(send, sendTimeout);
            return;
        }
        MonitoredIpc ipc = MonitoredIpc.begin(source, destination, path, sendTimeout, unreliable, delayMicros,
                kernelMessage != null);
        int optionDope = unreliable ? Dope.option(Abi.Option.UNRELIABLE) : 0;
        PendingSend send = PendingSend.monitored(source, source.id(), destination, ipc, optionDope, false, sendTimeout);
        send.remaining().copyFrom(path, 0);
        send.carryKernelMessage(kernelMessage);
        router.route(send);
    }

    /** Starts a receive phase; also the second phase of a call or reply-and-wait (S4). */
    void startReceive(Thread receiver, int fromSpec, int receiveTimeout) {
        receiver.setFollowingReceive(ThreadId.NIL, 0);
        if (fromSpec != ThreadId.ANY && fromSpec != receiver.id() && threads.lookup(fromSpec) == null) {
            rendezvous.fail(receiver, IpcError.NO_PARTNER, Phase.RECEIVE);
            return;
        }
        PendingSend match;
        do {
            // Queued notifications first; also one that a delivery ending its IPC instead (M5)
            // queued just now for the receiver itself, its controlling monitor (NO_MISSED_WAKEUP).
            if (fromSpec == ThreadId.ANY && rendezvous.notifications().deliverQueued(receiver)) {
                return;
            }
            match = firstMatching(receiver, fromSpec);
            if (match != null) {
                match.dequeue();
                match.sender().setPendingSend(null);
                Rendezvous.Transfer transfer = rendezvous.deliver(match);
                if (transfer == Rendezvous.Transfer.RECEIVE_ENDED) {
                    return;
                }
                if (transfer == Rendezvous.Transfer.INVALID_MESSAGE && match.sender().id() == fromSpec) {
                    // S2: the sender this closed wait is for has just failed; the receiver learns.
                    rendezvous.fail(receiver, IpcError.INVALID_ARGUMENT, Phase.RECEIVE);
                    return;
                }
            }
        } while (match != null);
        if (Timeout.isZero(receiveTimeout)) {
            // A poll is a receive phase too (M4): IPCs waiting for this receiver pass the check
            // now, as a direct send would be taken now (R4). They reach it through their system
            // monitors at a later receive; this one finds nothing (S3).
            releaseReadinessWaiters(receiver, fromSpec, true);
            rendezvous.fail(receiver, IpcError.TIMEOUT, Phase.RECEIVE);
            return;
        }
        scheduler.block(receiver, ThreadState.RECEIVING);
        receiver.setReceiveFrom(fromSpec);
        if (fromSpec != ThreadId.ANY && fromSpec != receiver.id()) {
            threads.lookup(fromSpec).markClosedWaitedFor();
        }
        timeouts.schedule(receiver, Timeout.deadline(receiveTimeout, clock.now()));
        releaseReadinessWaiters(receiver, fromSpec, false);
    }

    private static PendingSend firstMatching(Thread receiver, int fromSpec) {
        if (receiver.incoming().isEmpty()) {
            return null;
        }
        for (PendingSend send : receiver.incoming()) {
            if (send.matches(fromSpec)) {
                return send;
            }
        }
        return null;
    }

    /**
     * The receiver is now ready for these sources: IPCs waiting on it per M4 pass on while its
     * receive phase lasts. A blocking receive ends early when one of them reaches the receiver
     * itself (their system monitor); a poll is never RECEIVING and ends after all of them.
     */
    private void releaseReadinessWaiters(Thread receiver, int fromSpec, boolean polling) {
        if (receiver.readinessWaiters().isEmpty()) {
            return;
        }
        for (PendingSend send : List.copyOf(receiver.readinessWaiters())) {
            boolean stillReady = polling || receiver.state() == ThreadState.RECEIVING;
            // Still waiting: passing one on may have ended another meanwhile (a failed hop, S2).
            boolean stillWaiting = receiver.readinessWaiters().contains(send);
            if (send.matches(fromSpec) && stillReady && stillWaiting) {
                router.finalReceiverReady(send);
            }
        }
    }

    /** A blocked thread's timeout expired: its IPC fails with error 1 in the phase it was in (S3). */
    public void timeoutExpired(Thread thread) {
        switch (thread.state()) {
            case SENDING -> {
                PendingSend send = thread.pendingSend();
                thread.setPendingSend(null);
                rendezvous.failSend(send, IpcError.TIMEOUT);
            }
            case RECEIVING -> rendezvous.fail(thread, IpcError.TIMEOUT, Phase.RECEIVE);
            default -> throw new IllegalStateException("timeout for " + thread + " in state " + thread.state());
        }
    }
}
