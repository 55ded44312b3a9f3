package org.l4emu.kernel.hostile;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.kernel.GuestRun;

/** MINIX 3 threat class "spoofing": deceit and monitor options without rights (guest-programs/src/hostile_spoofing.c). */
@DisplayName("Spoofing")
class SpoofingTest {
    private static final String REFUSED = ": error 6 (not permitted), phase send";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = CheckedRun.boot("hostile_spoofing.xml");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "H4 deceit as the victim (option 4) by a thread that is no monitor",
            "H4 deceit naming the victim as blocked source (option 5) by a thread that is no monitor",
            "H4 deceit claiming control (option 6) by a thread that is no monitor",
            "H4 deceit with options 5 and 6 (option 7) by a thread that is no monitor",
            "H4 releasing the held victim (option 3) by a thread that is no monitor",
            "H4 failing the held victim (option 1) by a thread that is no monitor",
            "H4 a forged controller notification (option 2) to the victim's gate",
            "H4 deceit as the victim by a system monitor of another path",
            "H4 releasing the victim (option 3) by a monitor off its path",
            "H4 failing the victim (option 1) by a monitor off its path"})
    @DisplayName("every option used without the rights for it fails with error 6 before anything waits")
    void refused(String attempt) {
        assertLine(run, attempt + REFUSED);
    }

    @Test
    @DisplayName("the kernel's flag in a user's tag never arrives, and the sender is who it is")
    void forgedFlagDoesNotArrive() {
        assertLine(run, "H4 a call whose tag carries the kernel's flag: no error");
        assertLine(run, "H4 the server saw the tag without the flag, label: 80");
        assertLine(run, "H4 the server saw the tag's flags: 0");
        assertLine(run, "H4 the server saw the message from: impostor");
        assertLine(run, "H4 the server saw the dope: 0");
    }

    @Test
    @DisplayName("the scenario passes and shuts down with 0")
    void passes() {
        assertPassed(run, "H4");
    }
}
