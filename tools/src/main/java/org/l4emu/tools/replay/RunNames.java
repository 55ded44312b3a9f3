package org.l4emu.tools.replay;

import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.trace.KnownNames;

/** The names of a run's threads and tasks as they are at its current position, to refuse others. */
public final class RunNames {
    private RunNames() {}

    public static KnownNames threads(Replay replay) {
        return new KnownNames("thread", place(replay),
                replay.view().threads().all().stream().map(Thread::name).toList());
    }

    public static KnownNames tasks(Replay replay) {
        return new KnownNames("task", place(replay), replay.view().threads().tasks().stream().map(Task::name).toList());
    }

    private static String place(Replay replay) {
        return replay.description().source().toString();
    }
}
