package org.l4emu.kernel.scripted;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.scripted.ScriptedContext;
import org.l4emu.emulator.scripted.ScriptedImage;
import org.l4emu.emulator.scripted.ScriptedMachine;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.boot.ImageSet;
import org.l4emu.kernel.object.Quotas;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.AllowSpec;
import org.l4emu.kernel.system.MemorySpec;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.system.RedirectSpec;
import org.l4emu.kernel.system.SharedMappingSpec;
import org.l4emu.kernel.system.SharedRegionSpec;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.system.TaskSpec;
import org.l4emu.kernel.system.ThreadSpec;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * The real kernel booted on a {@link ScriptedMachine}: a system described in Java, whose
 * threads run {@link ScriptedThread} scripts (or any program set on their contexts) instead of
 * guest code. For kernel tests that take milliseconds and for fuzzing the system-call layer:
 *
 * <pre>{@code
 * ScriptedSystem system = ScriptedSystem.builder(Architecture.ARM).task("client").task("server").boot();
 * ScriptedThread client = system.thread("client"), server = system.thread("server");
 * server.waitForAny();
 * client.message(0x10000 | 1, 42).call(server);
 * system.run();                      // until every script has finished
 * assertEquals(42, server.mr(1));
 * }</pre>
 */
public final class ScriptedSystem implements AutoCloseable {
    /** Far beyond any test: a scripted run ends when its scripts do. */
    private static final long MAX_TIME_US = 1_000_000_000_000L;

    private final ScriptedMachine machine;
    private final Kernel kernel;
    private final Map<Thread, ScriptedThread> scripted = new HashMap<>();

    private ScriptedSystem(ScriptedMachine machine, Kernel kernel) {
        this.machine = machine;
        this.kernel = kernel;
    }

    public static Builder builder(Architecture architecture) {
        return new Builder(architecture);
    }

    public Kernel kernel() {
        return kernel;
    }

    public ScriptedMachine machine() {
        return machine;
    }

    /** The thread the boot info page calls {@code name} ({@code task} or {@code task.thread}). */
    public ScriptedThread thread(String name) {
        for (Thread thread : kernel.view().threads().all()) {
            if (thread.name().equals(name)) {
                return thread(thread);
            }
        }
        throw new IllegalArgumentException("no thread called '" + name + "'");
    }

    /** {@code thread}'s script, made at the first call; the thread runs it from then on. */
    public ScriptedThread thread(Thread thread) {
        return scripted.computeIfAbsent(thread, t -> new ScriptedThread(t, (ScriptedContext) t.context(), kernel));
    }

    /**
     * Runs until the kernel ends the run. A thread whose script has finished waits for ever, so
     * a run whose threads all finished ends in deadlock (exit code 3); exit code 0 when every
     * thread exited. Returns the exit code (ABI section 4).
     */
    public int run() {
        return kernel.run();
    }

    /** Runs until {@code instructions} more instructions have retired, or the run ends; true when it ended. */
    public boolean runFor(long instructions) {
        return kernel.runUntil(kernel.view().instructions() + instructions);
    }

    @Override
    public void close() {
        machine.close();
    }

    /** A system description built in Java; every task loads the scripted image. */
    public static final class Builder {
        private static final Path IMAGE = Path.of("scripted.elf");
        private static final String ENTRY = "0x" + Integer.toHexString(ScriptedImage.CODE_ADDRESS);
        private static final int STACK = 4096;

        private final Architecture architecture;
        private final List<TaskBuilder> tasks = new ArrayList<>();
        private final List<SharedRegionSpec> shared = new ArrayList<>();
        private final List<RedirectSpec> redirects = new ArrayList<>();
        private final List<AllowSpec> allows = new ArrayList<>();
        private long memoryBytes = ScriptedMachine.DEFAULT_MEMORY_BYTES;
        private KernelEvents events = KernelEvents.NONE;
        private PrintStream log = new PrintStream(OutputStream.nullOutputStream());
        private OutputStream console = OutputStream.nullOutputStream();

        private Builder(Architecture architecture) {
            this.architecture = architecture;
        }

        private final class TaskBuilder {
            private final String name;
            private boolean privileged;
            private boolean monitor;
            private String pager;
            private int priority = TaskSpec.DEFAULT_PRIORITY;
            private final List<ThreadSpec> threads = new ArrayList<>();
            private final List<MemorySpec> memory = new ArrayList<>();

            TaskBuilder(String name) {
                this.name = name;
            }

            TaskSpec spec() {
                return new TaskSpec(name, IMAGE, privileged, monitor, Optional.ofNullable(pager), priority, threads,
                        memory, Quotas.DEFAULTS);
            }
        }

        public Builder task(String name) {
            return task(name, false, false);
        }

        public Builder privilegedTask(String name) {
            return task(name, true, false);
        }

        /** A task marked monitor="true" in the boot info page. */
        public Builder monitorTask(String name) {
            return task(name, false, true);
        }

        public Builder task(String name, boolean privileged, boolean monitor) {
            TaskBuilder task = new TaskBuilder(name);
            task.privileged = privileged;
            task.monitor = monitor;
            tasks.add(task);
            return this;
        }

        /** An extra thread {@code task.name}. */
        public Builder thread(String task, String name) {
            taskNamed(task).threads.add(new ThreadSpec(name, ENTRY, STACK, TaskSpec.DEFAULT_PRIORITY));
            return this;
        }

        public Builder priority(String task, int priority) {
            taskNamed(task).priority = priority;
            return this;
        }

        /** {@code <memory>}: sigma0 serves it zero-filled on demand. */
        public Builder memory(String task, int virtualAddress, int size) {
            taskNamed(task).memory.add(new MemorySpec(virtualAddress, size));
            return this;
        }

        /** The first thread of {@code pager} pages {@code task}. */
        public Builder pager(String task, String pager) {
            taskNamed(task).pager = pager;
            return this;
        }

        /** {@code <shared>} memory mapped into each of {@code tasks} at {@code virtualAddress}, read-write. */
        public Builder shared(String name, int size, int virtualAddress, List<String> sharers) {
            List<SharedMappingSpec> mappings = sharers.stream()
                    .map(t -> new SharedMappingSpec(t, virtualAddress, Access.READ_WRITE)).toList();
            shared.add(new SharedRegionSpec(name, size, mappings));
            return this;
        }

        /** {@code source} and {@code dest}: task names or {@link RedirectSpec#ANY_TASK}; {@code monitor}: task or task.thread. */
        public Builder redirect(String source, String dest, String monitor, MonitorClass monitorClass) {
            redirects.add(new RedirectSpec(source, dest, monitor, monitorClass, 0));
            return this;
        }

        public Builder allow(String source, String dest) {
            allows.add(new AllowSpec(source, dest));
            return this;
        }

        public Builder memoryBytes(long bytes) {
            this.memoryBytes = bytes;
            return this;
        }

        /** The observer of every kernel event (traces, checkers, fuzzers). */
        public Builder events(KernelEvents observer) {
            this.events = observer;
            return this;
        }

        /** Where the kernel's messages go (fault reports, deadlock reports); nowhere by default. */
        public Builder log(PrintStream kernelLog) {
            this.log = kernelLog;
            return this;
        }

        public Builder console(OutputStream guestConsole) {
            this.console = guestConsole;
            return this;
        }

        public SystemDescription description() {
            return new SystemDescription(IMAGE, architecture, "scripted", MAX_TIME_US,
                    tasks.stream().map(TaskBuilder::spec).toList(), shared, redirects, allows);
        }

        /** Builds the system on a fresh scripted machine; every thread starts in description order. */
        public ScriptedSystem boot() throws BootException {
            SystemDescription description = description();
            ImageSet images = ImageSet.sameForAll(description, ScriptedImage.of(architecture));
            ScriptedMachine machine = new ScriptedMachine(architecture, memoryBytes);
            try {
                BootOptions options = new BootOptions(BootOptions.FROM_DESCRIPTION, BootOptions.UNLIMITED, false, true);
                Kernel kernel = Kernel.boot(machine, description, images, options, console, log, events);
                return new ScriptedSystem(machine, kernel);
            } catch (BootException | RuntimeException e) {
                machine.close();
                throw e;
            }
        }

        private TaskBuilder taskNamed(String name) {
            return tasks.stream().filter(t -> t.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no task '" + name + "' (declare it first)"));
        }
    }
}
