package org.l4emu.emulator.debug;

import java.util.IdentityHashMap;
import java.util.Map;
import org.l4emu.emulator.engine.InstructionCounting;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * A probe's hooks for a machine with several engines (one per address space, lent from a pool
 * and opened on demand): each engine gets the hooks of the current probe when it is about to
 * run, so the pool itself knows nothing of debugging. Costs one null check per run while no
 * probe was ever attached.
 */
public final class PooledDebugHooks {
    private final EngineDebugHooks.Running running;
    private final Map<Unicorn, Attached> engines = new IdentityHashMap<>();
    private DebugProbe probe;
    private long version;

    private static final class Attached {
        final EngineDebugHooks hooks;
        long version = -1;

        Attached(EngineDebugHooks hooks) {
            this.hooks = hooks;
        }
    }

    public PooledDebugHooks(EngineDebugHooks.Running running) {
        this.running = running;
    }

    /** Every engine takes {@code probe}'s hooks (none for null) before it next runs. */
    public void attach(DebugProbe probe) {
        this.probe = probe;
        version++;
    }

    /**
     * The hooks of {@code engine}, whose instructions {@code counting} counts, brought up to date
     * before it runs (then {@code dropTranslations} runs, so that its code is translated again
     * with them), or null when no probe was ever attached. Each engine holds one space with paging
     * off, so its hooks see virtual addresses.
     */
    public EngineDebugHooks prepare(Unicorn engine, InstructionCounting counting, Runnable dropTranslations) {
        if (version == 0) {
            return null;
        }
        Attached attached = engines.computeIfAbsent(engine,
                e -> new Attached(new EngineDebugHooks(e, running, counting, HookAddresses.VIRTUAL, 0)));
        if (attached.version != version) {
            attached.hooks.attach(probe);
            attached.version = version;
            dropTranslations.run();
        }
        return attached.hooks;
    }
}
