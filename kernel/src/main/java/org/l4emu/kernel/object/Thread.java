package org.l4emu.kernel.object;

import java.util.ArrayDeque;
import org.l4emu.emulator.CpuContext;
import org.l4emu.kernel.ipc.MonitoredIpc;
import org.l4emu.kernel.ipc.PendingSend;

/**
 * A thread control block: identity, registers, UTCB and the explicit state the IPC path and
 * the scheduler work on. The IPC-specific fields are only meaningful in the states that name them.
 */
public final class Thread {
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private final int id;
    private final String name;
    private final Task task;
    private final int priority;
    private final CpuContext context;
    private final int utcbAddress;
    private final long utcbPhysical;
    private ThreadState state = ThreadState.HALTED;

    /** Virtual time (ns) at which the current blocking IPC phase times out. */
    private long deadline = NO_DEADLINE;
    /** While RECEIVING: the thread ID it accepts (or {@link ThreadId#ANY}). */
    private int receiveFrom = ThreadId.NIL;
    /** While SENDING or AWAITING_DELIVERY: the send this thread waits on. */
    private PendingSend pendingSend;
    /** The record this thread refills for each of its sends (PendingSend). */
    private PendingSend sendRecord;
    /** The record this thread last used for a monitored IPC it started (MonitoredIpc.begin). */
    private MonitoredIpc monitoredIpcRecord;
    /** Sends whose next hop is this thread, oldest first. */
    private final ArrayDeque<PendingSend> incoming = new ArrayDeque<>();
    /** Sends that wait for this thread, as a final receiver, to become ready (M4). */
    private final ArrayDeque<PendingSend> readinessWaiters = new ArrayDeque<>();
    /** The monitored IPC whose final delivery this thread's send waits for (M1), or null. */
    private MonitoredIpc monitoredIpc;
    /** Kernel controller notifications waiting for this monitor's next open wait (M6). */
    private final ArrayDeque<int[]> notifications = new ArrayDeque<>();
    /** The receive phase that follows the send phase of a call or reply-and-wait, or NIL. */
    private int followingReceiveFrom = ThreadId.NIL;
    private int followingReceiveTimeout;
    /** While the kernel speaks for this thread in a page-fault or exception IPC: what it asked. */
    private FaultIpc faultIpc;
    private long sliceRemaining;
    /** Some thread waited for this one in a closed receive: its end must look for such waiters. */
    private boolean closedWaitedFor;
    /** This thread held or controlled a monitored IPC: its end must look for IPCs it leaves behind. */
    private boolean monitoredIpcs;
    /** Controller notifications this monitor lost to a full queue (M6, P3). */
    private long lostNotifications;
    private long instructionsRetired;

    Thread(int id, String name, Task task, int priority, CpuContext context, int utcbAddress, long utcbPhysical) {
        this.id = id;
        this.name = name;
        this.task = task;
        this.priority = priority;
        this.context = context;
        this.utcbAddress = utcbAddress;
        this.utcbPhysical = utcbPhysical;
    }

    /** Creates a thread in {@code task} and registers it there. */
    public static Thread create(int id, String name, Task task, int priority, CpuContext context,
                                int utcbAddress, long utcbPhysical) {
        Thread thread = new Thread(id, name, task, priority, context, utcbAddress, utcbPhysical);
        task.addThread(thread);
        return thread;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Task task() {
        return task;
    }

    public int priority() {
        return priority;
    }

    public CpuContext context() {
        return context;
    }

    public int utcbAddress() {
        return utcbAddress;
    }

    public long utcbPhysical() {
        return utcbPhysical;
    }

    public ThreadState state() {
        return state;
    }

    /** Only the scheduler sets a state: it counts the changes for observers (Scheduler.stateChanges). */
    public void setState(ThreadState state) {
        this.state = state;
    }

    public long deadline() {
        return deadline;
    }

    public void setDeadline(long deadline) {
        this.deadline = deadline;
    }

    public int receiveFrom() {
        return receiveFrom;
    }

    public void setReceiveFrom(int receiveFrom) {
        this.receiveFrom = receiveFrom;
    }

    public PendingSend pendingSend() {
        return pendingSend;
    }

    public ArrayDeque<PendingSend> incoming() {
        return incoming;
    }

    public MonitoredIpc monitoredIpc() {
        return monitoredIpc;
    }

    public void setMonitoredIpc(MonitoredIpc monitoredIpc) {
        this.monitoredIpc = monitoredIpc;
    }

    public ArrayDeque<PendingSend> readinessWaiters() {
        return readinessWaiters;
    }

    public ArrayDeque<int[]> notifications() {
        return notifications;
    }

    public void setPendingSend(PendingSend pendingSend) {
        this.pendingSend = pendingSend;
    }

    public PendingSend sendRecord() {
        return sendRecord;
    }

    public void setSendRecord(PendingSend record) {
        this.sendRecord = record;
    }

    public MonitoredIpc monitoredIpcRecord() {
        return monitoredIpcRecord;
    }

    public void setMonitoredIpcRecord(MonitoredIpc record) {
        this.monitoredIpcRecord = record;
    }

    public int followingReceiveFrom() {
        return followingReceiveFrom;
    }

    public int followingReceiveTimeout() {
        return followingReceiveTimeout;
    }

    public void setFollowingReceive(int from, int timeout) {
        this.followingReceiveFrom = from;
        this.followingReceiveTimeout = timeout;
    }

    public FaultIpc faultIpc() {
        return faultIpc;
    }

    public void setFaultIpc(FaultIpc faultIpc) {
        this.faultIpc = faultIpc;
    }

    /**
     * Records that a thread waits for this one in a closed receive. The record is a hint that
     * lets the end of a thread nobody waited for skip a search of every thread (P3).
     */
    public void markClosedWaitedFor() {
        closedWaitedFor = true;
    }

    public boolean closedWaitedFor() {
        return closedWaitedFor;
    }

    /** Records that this monitor held or controlled a monitored IPC (a hint, as above). */
    public void markMonitoredIpcs() {
        monitoredIpcs = true;
    }

    public boolean hadMonitoredIpcs() {
        return monitoredIpcs;
    }

    public long lostNotifications() {
        return lostNotifications;
    }

    public void countLostNotification() {
        lostNotifications++;
    }

    public long sliceRemaining() {
        return sliceRemaining;
    }

    public void setSliceRemaining(long sliceRemaining) {
        this.sliceRemaining = sliceRemaining;
    }

    public long instructionsRetired() {
        return instructionsRetired;
    }

    public void addInstructions(long count) {
        instructionsRetired += count;
    }

    /** True when a send from {@code sourceId} would be accepted by this thread's current receive phase. */
    public boolean accepts(int sourceId) {
        return state == ThreadState.RECEIVING && (receiveFrom == ThreadId.ANY || receiveFrom == sourceId);
    }

    public boolean isAlive() {
        return !state.isGone();
    }

    @Override
    public String toString() {
        return name + " (" + ThreadId.format(id) + ")";
    }
}
