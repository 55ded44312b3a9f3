package org.l4emu.kernel.system;

import org.l4emu.kernel.object.Quotas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Architecture;

class SystemDescriptionParserTest {
    /** The example of docs/abi.md section 4, verbatim. */
    private static final String ABI_EXAMPLE = """
            <system arch="arm" name="pump-demo" max-time-us="1000000">
              <task name="client" image="client.elf">
                <thread name="worker" entry="worker_main" stack="4096"/>  <!-- extra threads, optional -->
                <memory vaddr="0x40000000" size="0x10000"/>              <!-- zero-filled on demand -->
              </task>
              <task name="pump" image="pump.elf" monitor="true"/>
              <task name="fs" image="fs.elf" privileged="false" pager="pump"/>  <!-- pager: a task's first thread -->
              <shared name="ring" size="0x1000">
                <map task="client" vaddr="0x50000000" perms="rw"/>
                <map task="fs" vaddr="0x50000000" perms="r"/>
              </shared>
              <redirect source="client" dest="fs" monitor="pump" class="system"/>
              <allow source="client" dest="fs"/>   <!-- if any allow exists for a source, it may send only there -->
            </system>
            """;

    @TempDir
    Path dir;

    private Path write(String name, String xml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml);
        return file;
    }

    @Test
    void parsesTheAbiExample() throws Exception {
        Path xml = write("pump-demo.xml", ABI_EXAMPLE);

        SystemDescription expected = new SystemDescription(xml, Architecture.ARM, "pump-demo", 1_000_000,
                List.of(
                        new TaskSpec("client", dir.resolve("client.elf"), false, false, Optional.empty(), 100,
                                List.of(new ThreadSpec("worker", "worker_main", 4096, 100)),
                                List.of(new MemorySpec(0x40000000, 0x10000)), Quotas.DEFAULTS),
                        new TaskSpec("pump", dir.resolve("pump.elf"), false, true, Optional.empty(), 100,
                                List.of(), List.of(), Quotas.DEFAULTS),
                        new TaskSpec("fs", dir.resolve("fs.elf"), false, false, Optional.of("pump"), 100,
                                List.of(), List.of(), Quotas.DEFAULTS)),
                List.of(new SharedRegionSpec("ring", 0x1000, List.of(
                        new SharedMappingSpec("client", 0x50000000, Access.READ_WRITE),
                        new SharedMappingSpec("fs", 0x50000000, Access.READ)))),
                List.of(new RedirectSpec("client", "fs", "pump", MonitorClass.SYSTEM, 12)),
                List.of(new AllowSpec("client", "fs")));
        assertEquals(expected, SystemDescriptionParser.parse(xml));
    }

    @Test
    void appliesDefaults() throws Exception {
        Path xml = write("minimal.xml", """
                <system arch="x86">
                  <task name="only" image="only.elf" priority="7">
                    <thread name="helper" entry="0x8000"/>
                  </task>
                  <task name="other" image="other.elf"/>
                  <redirect source="*" dest="only" monitor="other"/>
                </system>
                """);
        SystemDescription description = SystemDescriptionParser.parse(xml);

        assertEquals(Architecture.X86, description.arch());
        assertEquals("minimal", description.name());
        assertEquals(SystemDescription.DEFAULT_MAX_TIME_US, description.maxTimeUs());
        TaskSpec only = description.tasks().getFirst();
        assertEquals(false, only.privileged());
        assertEquals(Optional.empty(), only.pager());
        assertEquals(new ThreadSpec("helper", "0x8000", ThreadSpec.DEFAULT_STACK_SIZE, 7), only.threads().getFirst());
        assertEquals(TaskSpec.DEFAULT_PRIORITY, description.tasks().get(1).priority());
        assertEquals(MonitorClass.SYSTEM, description.redirects().getFirst().monitorClass());
    }

    @Test
    void readsEveryNotationAndKeepsDocumentOrder() throws Exception {
        Path xml = write("systems/order.xml", """
                <system arch="arm" max-time-us="5000">
                  <allow source="b" dest="a"/>
                  <task name="b" image="../images/b.elf" privileged="1">
                    <thread name="t2" entry="second" stack="8192" priority="3"/>
                    <memory vaddr=" 0x00010000 " size="4096"/>
                    <thread name="t1" entry="first"/>
                  </task>
                  <redirect source="a" dest="*" monitor="b.t1" class="destination"/>
                  <task name="a" image="/abs/a.elf" monitor="0"/>
                  <redirect source="*" dest="*" monitor="b" class="source"/>
                  <shared name="s" size="0X2000">
                    <map task="b" vaddr="0x20000000" perms="rwx"/>
                  </shared>
                </system>
                """);
        SystemDescription description = SystemDescriptionParser.parse(xml);

        assertEquals(5000, description.maxTimeUs());
        assertEquals(List.of("b", "a"), description.tasks().stream().map(TaskSpec::name).toList());
        TaskSpec b = description.tasks().getFirst();
        assertEquals(dir.resolve("images/b.elf"), b.image());
        assertEquals(Path.of("/abs/a.elf"), description.tasks().get(1).image());
        assertEquals(true, b.privileged());
        assertEquals(false, description.tasks().get(1).monitor());
        assertEquals(List.of(new ThreadSpec("t2", "second", 8192, 3), new ThreadSpec("t1", "first", 4096, 100)),
                b.threads());
        assertEquals(List.of(new MemorySpec(0x10000, 0x1000)), b.memory());
        assertEquals(List.of(new RedirectSpec("a", "*", "b.t1", MonitorClass.DESTINATION, 8),
                        new RedirectSpec("*", "*", "b", MonitorClass.SOURCE, 10)),
                description.redirects());
        assertEquals(new SharedMappingSpec("b", 0x20000000, Access.ALL),
                description.sharedRegions().getFirst().mappings().getFirst());
        assertEquals(0x2000, description.sharedRegions().getFirst().size());
    }

    @Test
    void acceptsAddressesUpToTheirLimits() throws Exception {
        // Memory reaches up to the task's stacks (64 KiB below 0xbff00000, then 4 KiB for t); entries to 2^32 - 1.
        Path xml = write("top.xml", """
                <system arch="arm">
                  <task name="a" image="a.elf">
                    <memory vaddr="0xbfeee000" size="4096"/>
                    <thread name="t" entry="0xFFFFFFFF"/>
                  </task>
                </system>
                """);
        TaskSpec task = SystemDescriptionParser.parse(xml).tasks().getFirst();

        assertEquals(new MemorySpec(0xbfeee000, 0x1000), task.memory().getFirst());
        assertEquals(OptionalInt.of(0xffffffff), task.threads().getFirst().entryAddress());
    }

    @Test
    void acceptsMonitorsOfTheRulesOwnSourceAndDestinationTasks() throws Exception {
        // As the redirect call does (docs/abi.md section 3.10): R1 keeps a monitor off its own messages' paths.
        Path xml = write("own.xml", """
                <system arch="arm">
                  <task name="a" image="a.elf">
                    <thread name="watcher" entry="watch"/>
                  </task>
                  <task name="b" image="b.elf"/>
                  <redirect source="a" dest="b" monitor="a.watcher" class="source"/>
                  <redirect source="a" dest="b" monitor="b"/>
                </system>
                """);

        assertEquals(List.of("a.watcher", "b"),
                SystemDescriptionParser.parse(xml).redirects().stream().map(RedirectSpec::monitor).toList());
    }

    @Test
    void splitsMonitorReferencesAndEntries() {
        RedirectSpec toTask = new RedirectSpec("a", "b", "pump", MonitorClass.SYSTEM, 1);
        RedirectSpec toThread = new RedirectSpec("a", "b", "pump.watcher", MonitorClass.SYSTEM, 1);

        assertEquals("pump", toTask.monitorTask());
        assertEquals(Optional.empty(), toTask.monitorThread());
        assertEquals("pump", toThread.monitorTask());
        assertEquals(Optional.of("watcher"), toThread.monitorThread());
        assertEquals(OptionalInt.of(0x8001), new ThreadSpec("t", "0x8001", 4096, 1).entryAddress());
        assertEquals(OptionalInt.empty(), new ThreadSpec("t", "main", 4096, 1).entryAddress());
    }

    @Test
    void shipsTheSchemaBesideTheParser() {
        assertNotNull(SystemDescriptionParser.class.getResource("system.xsd"));
    }

    @Test
    void describesASingleElf() {
        SystemDescription description = SystemDescriptions.forSingleElf(Path.of("dir/hello.elf"), Architecture.ARM);

        assertEquals(new SystemDescription(Path.of("dir/hello.elf"), Architecture.ARM, "hello",
                SystemDescription.DEFAULT_MAX_TIME_US,
                List.of(new TaskSpec("hello", Path.of("dir/hello.elf"), true, false, Optional.empty(),
                        TaskSpec.DEFAULT_PRIORITY, List.of(), List.of(), Quotas.DEFAULTS)),
                List.of(), List.of(), List.of()), description);
        assertEquals("hello", SystemDescriptions.forSingleElf(Path.of("hello"), Architecture.X86).name());
    }
}
