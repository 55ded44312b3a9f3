package org.l4emu.emulator.elf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the bytes, the loader either succeeds or throws an ElfFormatException with a one-line message. */
class ElfImageFuzzTest {
    private static final byte[] VALID = ElfBuilder.typicalArm().build();

    private static void parseSafely(byte[] bytes, String what) {
        try {
            ElfImage.parse("fuzz.elf", bytes);
        } catch (ElfFormatException e) {
            assertFalse(e.getMessage().contains("\n"), () -> what + ": multi-line message " + e.getMessage());
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }

    @Test
    void everyTruncation() {
        for (int length = 0; length < VALID.length; length++) {
            parseSafely(Arrays.copyOf(VALID, length), "truncated to " + length);
        }
    }

    @Test
    void randomByteFlips() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = VALID.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            }
            parseSafely(bytes, "round " + round);
        }
    }

    @Test
    void randomFieldValuesInTheHeaders() {
        Random random = new Random(7);
        int headersEnd = ElfBuilder.PROGRAM_HEADERS + 32 * 2;
        int shoff = ElfBuilder.getU32(VALID, ElfBuilder.E_SHOFF);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = VALID.clone();
            boolean sectionTable = random.nextBoolean();
            int offset = sectionTable ? shoff + random.nextInt(4 * 40 / 4) * 4 : random.nextInt(headersEnd / 4) * 4;
            int value = switch (random.nextInt(4)) {
                case 0 -> random.nextInt();
                case 1 -> random.nextInt(64);
                case 2 -> -1 - random.nextInt(64);
                default -> random.nextInt(bytes.length + 64);
            };
            ElfBuilder.putU32(bytes, offset, value);
            parseSafely(bytes, "round " + round + " offset " + offset + " value " + value);
        }
    }

    @Test
    void randomGarbageBehindAValidIdentification() {
        Random random = new Random(3);
        for (int round = 0; round < 5_000; round++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            System.arraycopy(VALID, 0, bytes, 0, Math.min(bytes.length, 20));
            parseSafely(bytes, "round " + round);
        }
    }
}
