package org.l4emu.emulator.scripted;

/**
 * What a scripted thread executes: asked for the thread's next step whenever it has finished
 * the previous one, with its registers (the results of its last system call are there). It may
 * read and write memory meanwhile, as the guest code before the step would. Returning null
 * means the thread ran off the end of its code: the machine stops with an exception that says so.
 */
@FunctionalInterface
public interface Program {
    Step next(ScriptedContext thread);
}
