package org.l4emu.tools.harness;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.l4emu.emulator.Architecture;

/**
 * The project's own guest suite, guest-programs/tests, one test per case: what 'l4emu test' runs.
 * The architecture is the system property l4emu.test.arch (arm when unset), as for the kernel's
 * guest-level tests.
 */
@DisplayName("Guest regression suite (guest-programs/tests)")
class GuestSuiteTest {
    static final Path REPOSITORY = Path.of("..");
    static final Path SUITE = REPOSITORY.resolve(Path.of("guest-programs", "tests"));
    static final Architecture ARCHITECTURE = Architecture.fromXmlName(System.getProperty("l4emu.test.arch", "arm"));

    @TestFactory
    @DisplayName("case")
    Stream<DynamicTest> guestCases() {
        return GuestCaseTests.of(SUITE, ARCHITECTURE, REPOSITORY);
    }
}
