package org.l4emu.kernel.ipc;

import org.l4emu.abi.Abi;

/** The send descriptor: bits 31..4 parameter block address, bit 0 = O, bits 3..1 option code. */
public final class SendDescriptor {
    private SendDescriptor() {}

    public static int parameterBlock(int descriptor) {
        return descriptor & Abi.SendDescriptor.BLOCK_MASK;
    }

    public static boolean hasOption(int descriptor) {
        return (descriptor & Abi.SendDescriptor.OPTION_BIT) != 0;
    }

    public static int optionCode(int descriptor) {
        return Abi.SendDescriptor.OPTION.get(descriptor);
    }

    /** O = 0 with a non-zero option code is an invalid argument. */
    public static boolean isValid(int descriptor) {
        return hasOption(descriptor) || optionCode(descriptor) == 0;
    }
}
