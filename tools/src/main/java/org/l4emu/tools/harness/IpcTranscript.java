package org.l4emu.tools.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;
import org.l4emu.tools.trace.DopeBits;
import org.l4emu.tools.trace.IpcOption;

/**
 * The IPC behaviour of one run as lines of plain words, one per kernel IPC event, as golden files
 * hold it: thread names, labels, word counts, monitors, dope and outcome. It holds nothing that
 * depends on the host or on how fast the guests run (no times, no message words, no thread IDs),
 * so the same kernel rules give the same transcript even after a guest is rebuilt.
 */
public final class IpcTranscript implements KernelEvents {
    private final List<String> lines = new ArrayList<>();
    private KernelView kernel;

    /** The lines so far, in the order the kernel reported the events. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void booted(KernelView kernel) {
        this.kernel = kernel;
    }

    @Override
    public void sendStarted(Thread sender, int to, int tag, int sendDescriptor) {
        IpcOption option = IpcOption.ofSendDescriptor(sendDescriptor);
        boolean forward = option != null && option.isDeceit();
        add(sender.name() + (forward ? " forwards to " : " sends to ") + nameOf(to) + ": " + MessageText.of(tag)
                + (option == null ? "" : " [option " + option.jsonName() + "]"));
    }

    @Override
    public void redirected(Thread sender, int trueSource, Thread intendedReceiver, Thread monitor,
                           MonitorClass monitorClass) {
        String source = nameOf(trueSource);
        add(source + " -> " + intendedReceiver.name() + " goes to " + monitor.name() + " ("
                + monitorClass.name().toLowerCase(Locale.ROOT) + " monitor)"
                + (source.equals(sender.name()) ? "" : ", forwarded by " + sender.name()));
    }

    @Override
    public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
        String source = sender == null ? "the kernel" : nameOf(from);
        String viaSender = sender == null || source.equals(sender.name()) ? "" : " (sent by " + sender.name() + ")";
        String dopeText = new DopeBits(dope).describe();
        add(receiver.name() + " receives from " + source + viaSender + ": " + MessageText.of(tag)
                + (dopeText.isEmpty() ? "" : " [" + dopeText + "]"));
    }

    @Override
    public void blockedSourceEnded(Thread blockedSource, int dope, String cause) {
        if (dope == 0) {
            add(blockedSource.name() + " is released: " + cause);
        } else {
            add(blockedSource.name() + "'s send fails: " + new DopeBits(dope).describe() + ": " + cause);
        }
    }

    @Override
    public void controllerNotified(Thread monitor, int blockedSource, int trueSource, int finalReceiver,
                                   int errorCode) {
        add(monitor.name() + " is notified: blocked source " + nameOf(blockedSource) + ", true source "
                + nameOf(trueSource) + ", final receiver " + nameOf(finalReceiver)
                + (errorCode == Abi.ErrorCode.NONE ? "" : ", error " + errorCode + " " + DopeBits.errorName(errorCode)));
    }

    @Override
    public void ipcFailed(Thread thread, int dope) {
        DopeBits bits = new DopeBits(dope);
        if (bits.errorCode() == Abi.ErrorCode.TIMEOUT) {
            add(thread.name() + " times out (" + bits.phase() + ")");
        } else {
            add(thread.name() + " fails: " + bits.describe());
        }
    }

    @Override
    public void threadExited(Thread thread, String reason) {
        add(thread.name() + ("exit".equals(reason) ? " exits" : " stops (" + reason + ")"));
    }

    private void add(String line) {
        lines.add(line);
    }

    /** A thread ID as the guest passed it: the name of the thread it ever named, else the ID itself. */
    private String nameOf(int id) {
        String name = kernel.threads().nameOf(id);
        return name == null ? ThreadId.format(id) : name;
    }
}
