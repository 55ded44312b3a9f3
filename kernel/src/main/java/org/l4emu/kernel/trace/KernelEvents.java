package org.l4emu.kernel.trace;

import org.l4emu.kernel.object.Thread;

/**
 * What the kernel reports to observers (trace recorders, steppers). Every method has an empty
 * default so observers implement only what they need; the kernel calls them synchronously.
 */
public interface KernelEvents {
    KernelEvents NONE = new KernelEvents() {};

    default void threadStarted(Thread thread) {}

    default void threadExited(Thread thread, String reason) {}

    default void syscall(Thread thread, int number) {}

    default void sendStarted(Thread sender, int to, int tag, int sendDescriptor) {}

    default void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {}

    default void ipcFailed(Thread thread, int dope) {}

    default void console(Thread thread, byte[] bytes) {}

    default void breakpoint(Thread thread, int argument) {}

    default void pageFault(Thread thread, int address, int accessBits, int instructionPointer) {}
}
