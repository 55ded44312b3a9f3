package org.l4emu.emulator.scripted;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.elf.ElfFormatException;
import org.l4emu.emulator.elf.ElfImage;

/**
 * The image a scripted system loads in every task: an ELF32 executable with one page of
 * read-only, executable zeros at {@link #CODE_ADDRESS}, its entry. A scripted machine executes
 * no code, but the loader still wants an image, and a task still has its code page mapped.
 */
public final class ScriptedImage {
    public static final int CODE_ADDRESS = 0x0001_0000;
    public static final int CODE_SIZE = 4096;

    private static final int HEADER_SIZE = 52;
    private static final int PROGRAM_HEADER_SIZE = 32;
    private static final int SEGMENT_OFFSET = 0x1000;
    private static final int EXECUTABLE = 2;
    private static final int MACHINE_ARM = 40;
    private static final int MACHINE_386 = 3;
    private static final int PT_LOAD = 1;
    private static final int PF_READ_EXECUTE = 4 | 1;

    private ScriptedImage() {}

    public static ElfImage of(Architecture architecture) {
        try {
            return ElfImage.parse("scripted-" + architecture.xmlName() + ".elf", bytes(architecture));
        } catch (ElfFormatException e) {
            throw new IllegalStateException("the scripted image does not parse", e);
        }
    }

    /** The file: ELF header, one program header, the code page. */
    static byte[] bytes(Architecture architecture) {
        ByteBuffer file = ByteBuffer.allocate(SEGMENT_OFFSET + CODE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1});
        file.putShort(16, (short) EXECUTABLE);
        file.putShort(18, (short) (architecture == Architecture.ARM ? MACHINE_ARM : MACHINE_386));
        file.putInt(20, 1);
        file.putInt(24, CODE_ADDRESS);
        file.putInt(28, HEADER_SIZE);
        file.putShort(40, (short) HEADER_SIZE);
        file.putShort(42, (short) PROGRAM_HEADER_SIZE);
        file.putShort(44, (short) 1);
        int header = HEADER_SIZE;
        file.putInt(header, PT_LOAD);
        file.putInt(header + 4, SEGMENT_OFFSET);
        file.putInt(header + 8, CODE_ADDRESS);
        file.putInt(header + 12, CODE_ADDRESS);
        file.putInt(header + 16, CODE_SIZE);
        file.putInt(header + 20, CODE_SIZE);
        file.putInt(header + 24, PF_READ_EXECUTE);
        file.putInt(header + 28, SEGMENT_OFFSET);
        return file.array();
    }
}
