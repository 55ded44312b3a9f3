package org.l4emu.tools.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.scripted.Script;
import org.l4emu.emulator.scripted.ScriptedContext;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.scripted.ScriptedSystem;

/**
 * How a fuzz run ends when something breaks: an exception from the kernel or the machine is a
 * host exception the run reports (never thrown on: a guest caused it); one of the fuzzer's own
 * code is the fuzzer's bug and is thrown on; a violation is reported as such.
 */
class FuzzLoopTest {
    private static final class Counting implements FuzzLoop.Observer {
        private final FuzzStatistics statistics = new FuzzStatistics();

        @Override
        public FuzzStatistics statistics() {
            return statistics;
        }

        @Override
        public long invariantChecks() {
            return 0;
        }

        @Override
        public boolean budgetSpent() {
            return false;
        }
    }

    private static ScriptedSystem oneThread() throws BootException {
        return ScriptedSystem.builder(Architecture.ARM).task("guest").boot();
    }

    @Test
    @DisplayName("an exception the machine or kernel throws is reported as a host exception")
    void hostExceptionsAreReported() throws BootException {
        try (ScriptedSystem system = oneThread()) {
            // A scripted thread that runs off its program makes the machine throw inside the kernel's loop.
            ((ScriptedContext) system.kernel().view().threads().all().getFirst().context())
                    .setProgram(Script.of(Step.syscall(3)));
            FuzzOutcome outcome = FuzzLoop.run(system.kernel(), new Counting(), null, count -> { });
            assertInstanceOf(IllegalStateException.class, outcome.hostException());
            assertNull(outcome.violation());
            assertTrue(!outcome.clean());
        }
    }

    @Test
    @DisplayName("an exception of the fuzzer's own code is an internal error, thrown on")
    void fuzzerBugsAreNotHostExceptions() throws BootException {
        try (ScriptedSystem system = oneThread()) {
            ((ScriptedContext) system.kernel().view().threads().all().getFirst().context())
                    .setProgram(thread -> {
                        throw new ArithmeticException("a generator's bug");
                    });
            assertThrows(ArithmeticException.class, () -> FuzzLoop.run(system.kernel(), new Counting(), null, count -> { }));
        }
    }

    @Test
    @DisplayName("a violation ends the run as a violation")
    void violationsAreReported() throws BootException {
        try (ScriptedSystem system = oneThread()) {
            ((ScriptedContext) system.kernel().view().threads().all().getFirst().context())
                    .setProgram(thread -> {
                        throw new FuzzViolation("an oracle saw it");
                    });
            FuzzOutcome outcome = FuzzLoop.run(system.kernel(), new Counting(), null, count -> { });
            assertEquals("an oracle saw it", outcome.violation().getMessage());
            assertNull(outcome.hostException());
        }
    }
}
