package org.l4emu.kernel.fault;

import org.l4emu.emulator.Trap;
import org.l4emu.kernel.object.Thread;

/** One line describing a guest fault that nothing resolved. */
public final class FaultReport {
    private FaultReport() {}

    public static String line(Thread thread, Trap trap, long nowMicros) {
        String what = switch (trap) {
            case Trap.PageFault fault -> String.format("page fault: %s access at 0x%08x (ip 0x%08x), no pager resolved it",
                    accessWord(fault), fault.address(), fault.instructionPointer());
            case Trap.CpuException exception -> String.format("%s at ip 0x%08x (address 0x%08x)",
                    ExceptionCodes.name(exception.kind()), exception.instructionPointer(),
                    exception.address());
            default -> trap.toString();
        };
        return "l4emu: thread " + thread + " faulted at " + nowMicros + " us: " + what;
    }

    private static String accessWord(Trap.PageFault fault) {
        if (fault.access().executable()) {
            return "execute";
        }
        return fault.access().writable() ? "write" : "read";
    }
}
