package org.l4emu.emulator.scripted;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A program written down step by step, for tests: steps run in the order they were added, and
 * {@link #then(Consumer)} runs Java code between two steps (to look at the results of the last
 * system call, or to write memory as the guest would). A script that runs out ends the run with
 * an exception, so a test never mistakes a thread that did nothing for one that waits.
 */
public final class Script implements Program {
    private final ArrayDeque<Object> items = new ArrayDeque<>();

    public static Script of(Step... steps) {
        Script script = new Script();
        for (Step step : steps) {
            script.then(step);
        }
        return script;
    }

    public Script then(Step step) {
        items.addLast(step);
        return this;
    }

    /** Runs {@code action} with the thread's registers when the steps before it are done. */
    public Script then(Consumer<ScriptedContext> action) {
        items.addLast(action);
        return this;
    }

    /** True when every step has been handed out. */
    public boolean finished() {
        return items.isEmpty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Step next(ScriptedContext thread) {
        while (!items.isEmpty()) {
            Object item = items.pollFirst();
            if (item instanceof Step step) {
                return step;
            }
            ((Consumer<ScriptedContext>) item).accept(thread);
        }
        return null;
    }
}
