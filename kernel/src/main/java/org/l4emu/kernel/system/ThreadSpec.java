package org.l4emu.kernel.system;

import java.util.Objects;
import java.util.OptionalInt;
import org.l4emu.abi.Abi;

/**
 * An extra thread of a task.
 *
 * @param entry an ELF symbol or a 0x-prefixed hex address, as written
 * @param stackSize bytes of stack, placed below the previous thread's
 */
public record ThreadSpec(String name, String entry, int stackSize, int priority) {
    public static final int DEFAULT_STACK_SIZE = Abi.Description.DEFAULT_STACK_SIZE;

    public ThreadSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entry, "entry");
    }

    /** The entry as an address when it is written as one (hex), else empty: it names a symbol. */
    public OptionalInt entryAddress() {
        return NumberText.isHex(entry) ? OptionalInt.of((int) NumberText.parseUnsigned(entry))
                : OptionalInt.empty();
    }
}
