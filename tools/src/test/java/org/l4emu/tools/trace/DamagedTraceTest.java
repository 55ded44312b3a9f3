package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trace file is input like any other: one with damaged bytes reads to its end or stops with a
 * {@link TraceException} that says where, never with another exception, also for the live
 * checker's reader, which lets dead threads go.
 */
class DamagedTraceTest {
    private static final int VARIANTS = 3000;

    @TempDir
    Path dir;

    /**
     * Systems with monitors, rules, mappings, threads that die (whose definitions the live reader
     * lets go), and round trips that repeat (version 4's template and repeat records).
     */
    @ParameterizedTest(name = "every damaged copy of {0}'s trace reads to its end or is called malformed")
    @ValueSource(strings = {"pump.xml", "s2_dead_partner.xml", "thread_control.xml", "m1_monitor_dies.xml", "pingpong.xml"})
    void damagedBytesAreMalformedNeverACrash(String system) throws Exception {
        byte[] original = Files.readAllBytes(TraceRecordingTest.record(dir, system));
        Random random = new Random(16);
        int malformed = 0;
        for (int variant = 0; variant < VARIANTS; variant++) {
            byte[] bytes = original.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                int at = random.nextInt(bytes.length);
                bytes[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : bytes[at] ^ 1 << random.nextInt(8));
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(bytes.length) : bytes.length;
            if (!readsOrIsMalformed(bytes, length, variant % 2 == 0)) {
                malformed++;
            }
        }
        assertTrue(malformed > VARIANTS / 4, malformed + " of " + VARIANTS + " damaged copies called malformed");
    }

    /** True when the bytes read to their end; false when the reader called them malformed. */
    private static boolean readsOrIsMalformed(byte[] bytes, int length, boolean letDeadThreadsGo) {
        try (TraceReader reader = new TraceReader(new ByteArrayInputStream(bytes, 0, length), "damaged")) {
            if (letDeadThreadsGo) {
                reader.letDeadThreadsGo();
            }
            while (reader.next() != null) {
                // every event decoded
            }
            return true;
        } catch (TraceException e) {
            return false;
        } catch (RuntimeException e) {
            return fail("a damaged trace made the reader throw " + e, e);
        }
    }
}
