package org.l4emu.emulator.arm;

import java.util.Objects;
import org.l4emu.emulator.Trap;

/**
 * Compares the traps the calibration checks (page faults and CPU exceptions) field by field.
 * A record's own {@code equals} is generated at run time on first use ({@code ObjectMethods}),
 * which the AOT cache cannot keep: at every arm start-up that cost some twenty generated classes
 * and a few milliseconds.
 */
final class TrapComparison {
    private TrapComparison() {
    }

    /** True when {@code a} and {@code b} are equal as records. */
    static boolean same(Trap a, Trap b) {
        if (a instanceof Trap.PageFault fault && b instanceof Trap.PageFault other) {
            return fault.address() == other.address() && fault.instructionPointer() == other.instructionPointer()
                    && fault.access().bits() == other.access().bits();
        }
        if (a instanceof Trap.CpuException exception && b instanceof Trap.CpuException other) {
            return exception.kind() == other.kind() && exception.address() == other.address()
                    && exception.instructionPointer() == other.instructionPointer();
        }
        return Objects.equals(a, b);
    }
}
