package org.l4emu.emulator.engine;

import org.l4emu.emulator.Machine;
import org.l4emu.emulator.physical.AnonymousMapping;

/**
 * What every machine on Unicorn engines shares: the host memory its RAM lives in, released when
 * the machine closes, after its engines; and the refusal of calls once it is closed.
 */
public abstract class EngineMachine implements Machine {
    private final AnonymousMapping host;
    private boolean closed;

    protected EngineMachine(AnonymousMapping host) {
        this.host = host;
    }

    /** The host memory the machine's RAM lives in. */
    protected final AnonymousMapping host() {
        return host;
    }

    /** Zeroes {@code [address, address + length)} of the host memory (freed frames, scratch memory). */
    protected final void zero(long address, long length) {
        host.segment().asSlice(address, length).fill((byte) 0);
    }

    /** Releases the machine's engines; {@link #close} releases the host memory after them. */
    protected abstract void closeEngines();

    /** Throws {@link IllegalStateException} once the machine is closed. */
    protected final void checkOpen() {
        if (closed) {
            throw new IllegalStateException("machine closed");
        }
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeEngines();
        } finally {
            host.close();
        }
    }
}
