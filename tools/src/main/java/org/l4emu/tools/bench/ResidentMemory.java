package org.l4emu.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident set size of this JVM process, from Linux's /proc/self/status (VmRSS). */
final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String FIELD = "VmRSS:";
    private static final long BYTES_PER_KIB = 1024;

    private ResidentMemory() {}

    /** Bytes resident now, or -1 where /proc/self/status does not say (not Linux). */
    static long bytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(FIELD)) {
                    // "VmRSS:	  123456 kB"
                    String kib = line.substring(FIELD.length()).trim().split("\\s+")[0];
                    return Long.parseLong(kib) * BYTES_PER_KIB;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
