package org.l4emu.emulator.unicorn;

import java.lang.foreign.MemorySegment;

/**
 * A {@code uc_context}: a copy of the emulated CPU's internal state. Its byte layout belongs to
 * the library build; l4emu only reads fields whose offsets it calibrated at start-up.
 */
@SuppressWarnings("restricted") // sizing a native pointer
public final class UnicornContext {
    private final Unicorn engine;
    private final MemorySegment pointer;
    private final MemorySegment bytes;
    private boolean freed;

    UnicornContext(Unicorn engine, MemorySegment pointer, long size) {
        this.engine = engine;
        this.pointer = pointer;
        this.bytes = pointer.reinterpret(size);
    }

    /** Copies the CPU state into this context. Safe to call inside a hook. */
    public void save() {
        engine.saveContext(pointer);
    }

    /** Loads the CPU state from this context. */
    public void restore() {
        engine.restoreContext(pointer);
    }

    /** The context's bytes, {@code uc_context_size} long; valid until {@link #free()}. */
    public MemorySegment bytes() {
        if (freed) {
            throw new IllegalStateException("context already freed");
        }
        return bytes;
    }

    public long size() {
        return bytes.byteSize();
    }

    public void free() {
        if (!freed) {
            freed = true;
            engine.freeContext(pointer);
        }
    }
}
