package org.l4emu.tools.harness;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.l4emu.emulator.Architecture;

/**
 * The project's own guest suite, guest-programs/tests, one test per case and architecture: what
 * 'l4emu test' and 'l4emu test --arch x86' run. Every case runs on arm and on x86, one
 * architecture after the other; the system property l4emu.test.arch, when set, keeps one.
 */
@DisplayName("Guest regression suite (guest-programs/tests)")
class GuestSuiteTest {
    static final Path REPOSITORY = Path.of("..");
    static final Path SUITE = REPOSITORY.resolve(Path.of("guest-programs", "tests"));

    @TestFactory
    @DisplayName("case")
    Stream<DynamicContainer> guestCases() {
        // Lazily, so that one architecture's cases have the cores before the next one's start.
        return architectures().stream().map(arch -> dynamicContainer(arch.xmlName(),
                GuestCaseTests.of(SUITE, arch, REPOSITORY)));
    }

    private static List<Architecture> architectures() {
        String only = System.getProperty("l4emu.test.arch");
        return only == null ? List.of(Architecture.values()) : List.of(Architecture.fromXmlName(only));
    }
}
