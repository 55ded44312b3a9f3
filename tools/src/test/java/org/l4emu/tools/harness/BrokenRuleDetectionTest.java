package org.l4emu.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's promise: when the kernel's IPC behaviour changes, the failure names the first
 * event that differs. Here the recorded pump transcript says the client was released at once by
 * its monitor's receipt (a broken M1) where the kernel releases it only on client_mon's unblocking
 * IPC after delivery; the report must point at exactly that event.
 */
@DisplayName("A changed IPC rule fails the pump case with a diff at the first differing event")
class BrokenRuleDetectionTest {
    private static final String RELEASE = "client is released: unblocking IPC from client_mon";
    private static final String BROKEN_RELEASE = "client is released: monitor receipt";

    @TempDir
    Path directory;

    @Test
    void pumpTranscriptWithOneEventChanged() throws IOException {
        Path recorded = TemporarySuite.PROJECT_SUITE.resolve("monitors/pump.ipc");
        List<String> golden = new ArrayList<>(Files.readAllLines(recorded));
        int changed = golden.indexOf(RELEASE);
        assertTrue(changed > 0, "the project's pump transcript releases the client on client_mon's unblocking IPC");
        golden.set(changed, BROKEN_RELEASE);

        TemporarySuite suite = new TemporarySuite(directory);
        suite.write("pump.ipc", String.join("\n", golden) + "\n");
        suite.write("pump.test.yaml", "system: " + TemporarySuite.built("pump.xml") + "\nipc:\n  golden: pump.ipc\n");
        CaseResult result = suite.run("pump", false);

        assertEquals(CaseResult.Status.FAIL, result.status(), result::describeProblems);
        assertEquals(1, result.mismatches().size(), result::describeProblems);
        Mismatch mismatch = result.mismatches().getFirst();
        assertEquals("ipc transcript differs from pump.ipc at event " + (changed + 1), mismatch.title());
        assertTrue(mismatch.detail().startsWith("first difference at event " + (changed + 1) + ":\n"
                + "  expected: " + BROKEN_RELEASE + "\n"
                + "  actual:   " + RELEASE + "\n"), mismatch.detail());
        assertTrue(mismatch.detail().contains("\n-" + BROKEN_RELEASE + "\n+" + RELEASE + "\n"), mismatch.detail());
    }
}
