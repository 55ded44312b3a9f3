package org.l4emu.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;
import org.l4emu.kernel.ExitCode;
import org.l4emu.kernel.GuestRun;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * ABI section 4: a {@code <thread>}'s {@code stack} is a number of bytes, and the stack lies below
 * the previous thread's. Any size is taken and rounded up to whole pages, so a thread starts with
 * sp at the bottom of the stack before it.
 */
class ThreadStacksTest {
    @TempDir
    Path dir;

    @Test
    void stackSizesThatAreNoMultipleOf16BootAndLieBelowThePreviousThreadsStack() throws IOException, BootException {
        Path hello = GuestRun.GUEST_DIRECTORY.resolve("hello.elf").toAbsolutePath();
        Path xml = Files.writeString(dir.resolve("stacks.xml"), """
                <system arch="%s">
                  <task name="hello" image="%s">
                    <thread name="tiny" entry="_start" stack="100"/>
                    <thread name="odd" entry="_start" stack="5000"/>
                    <thread name="last" entry="_start"/>
                  </task>
                </system>
                """.formatted(GuestRun.ARCHITECTURE.xmlName(), hello));
        SystemDescription description = Boot.describe(xml);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine machine = Machines.open(description.arch());
             PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
            Kernel kernel = Kernel.boot(machine, description, ImageSet.load(description), BootOptions.DEFAULTS,
                    console, log, KernelEvents.NONE);

            List<Integer> stackPointers = kernel.view().threads().all().stream()
                    .map(Thread::context).map(context -> context.stackPointer()).toList();
            assertEquals(List.of(0xBFF0_0000, 0xBFEF_0000, 0xBFEE_F000, 0xBFEE_D000), stackPointers);
            assertEquals(ExitCode.ALL_EXITED, kernel.run());
        }
        assertEquals("hello from l4emu\n".repeat(4), console.toString(StandardCharsets.UTF_8));
    }
}
