package org.l4emu.kernel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * Boots a guest program built by guest-programs (in {@code guest-programs/target/ARCH/}) the way
 * {@code l4emu boot} does, and captures what it printed. The architecture is the system property
 * {@value #ARCHITECTURE_PROPERTY} ({@code arm} when unset): Maven runs the guest-level tests once
 * per architecture, so a rule that holds on one and breaks on the other fails the build.
 *
 * @param console the guest's console output
 * @param log the kernel's messages (standard error of {@code l4emu boot})
 */
public record GuestRun(int exitCode, String console, String log) {
    public static final String ARCHITECTURE_PROPERTY = "l4emu.test.arch";
    public static final Architecture ARCHITECTURE =
            Architecture.fromXmlName(System.getProperty(ARCHITECTURE_PROPERTY, Architecture.ARM.xmlName()));
    public static final Path GUEST_DIRECTORY = Path.of("..", "guest-programs", "target", ARCHITECTURE.xmlName());
    /** For {@link ArmOnly}: true when the guests under test are ARM ones. */
    public static boolean armGuests() {
        return ARCHITECTURE == Architecture.ARM;
    }

    /** Boots {@code systemFile} with options spelled as on the command line, e.g. "--max-time-us=5000". */
    public static GuestRun boot(String systemFile, String... cliOptions) {
        Path file = GUEST_DIRECTORY.resolve(systemFile);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: build guest-programs first (mvn install)");
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            int exit;
            try {
                exit = Boot.run(file, options(cliOptions), console, logStream, KernelEvents.NONE);
            } catch (BootException e) {
                logStream.println("l4emu: " + e.getMessage());
                exit = ExitCode.BAD_INPUT;
            }
            return new GuestRun(exit, console.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8));
        }
    }

    private static BootOptions options(String... cliOptions) {
        long maxTime = BootOptions.FROM_DESCRIPTION;
        long maxInstructions = BootOptions.UNLIMITED;
        boolean stopOnFault = false;
        boolean quiet = false;
        for (String option : cliOptions) {
            String[] parts = option.split("=", 2);
            switch (parts[0]) {
                case "--max-time-us" -> maxTime = Long.parseLong(parts[1]);
                case "--max-instructions" -> maxInstructions = Long.parseLong(parts[1]);
                case "--stop-on-fault" -> stopOnFault = true;
                case "--quiet" -> quiet = true;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BootOptions(maxTime, maxInstructions, stopOnFault, quiet);
    }

    /** The console split into lines. */
    public java.util.List<String> lines() {
        return console.lines().toList();
    }
}
