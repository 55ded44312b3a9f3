package org.l4emu.tools.fuzz.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracles bite (issue 12): a few of the one-line kernel mutations of docs/checker.md, each
 * compiled into a copy of the kernel, are found by a short default run of the kernel-level
 * fuzzer under the rule checker; the same run through the same copying with the line left as
 * it is runs clean, so what the runs find is the mutation. Each test has its own loader and
 * copy, so they run at once.
 */
@Execution(ExecutionMode.CONCURRENT)
class KernelMutationsTest {
    private static final String[] RUN = {"fuzz", "--kernel", "--seed=1", "--syscalls=20000", "--quiet"};

    @TempDir
    Path work;

    static Stream<Arguments> mutations() {
        return Stream.of(
                Arguments.of("R3: any monitor may deceit", new MutatedKernel.Mutation("ipc/MonitorOptions.java",
                        "boolean permitted = onPathFromSource", "boolean permitted = (true || onPathFromSource)"), "R3"),
                Arguments.of("S6: fault IPC around allow rules", new MutatedKernel.Mutation("ipc/IpcEngine.java",
                        "if (!permitted(thread, handler, startingPath)) {",
                        "if (false && !permitted(thread, handler, startingPath)) {"), "S6"),
                Arguments.of("S5: one word past the message", new MutatedKernel.Mutation("ipc/Rendezvous.java",
                        "int words = MessageTag.wordCount(tag);", "int words = MessageTag.wordCount(tag) + 1;"), "S5"),
                Arguments.of("S5: a sender's kernel pages sent too", new MutatedKernel.Mutation("ipc/MessageItems.java",
                        "pages.removeIf(from::isKernelPage);", "pages.removeIf(page -> false);"), "S5"),
                Arguments.of("P3: a deleted task keeps its pages", new MutatedKernel.Mutation("object/TaskDeletion.java",
                        "mappings.removeAll(task);", ""), "P3"),
                Arguments.of("S3: a timeout due in a system call fires after it", new MutatedKernel.Mutation(
                        "run/RunLoop.java", "while ((due = timeouts.earliest()) < handled) {",
                        "while (false && (due = timeouts.earliest()) < handled) {"), "S3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void theDefaultRunFindsTheMutation(String name, MutatedKernel.Mutation mutation, String rule) throws Exception {
        MutatedKernel.Run run = MutatedKernel.compile(mutation, work).l4emu(RUN);
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("RULE VIOLATION (first " + rule + ")"), run.all());
    }

    @Test
    @DisplayName("control: the copied kernel with no line changed runs clean")
    void theUnchangedCopyRunsClean() throws Exception {
        MutatedKernel.Mutation none = new MutatedKernel.Mutation("ipc/MonitorOptions.java",
                "boolean permitted = onPathFromSource", "boolean permitted = onPathFromSource");
        MutatedKernel.Run run = MutatedKernel.compile(none, work).l4emu(RUN);
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("rule violations: 0"), run.all());
    }
}
