package org.l4emu.tools.source;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code .debug_*} sections of a little-endian ELF32 image, by name. The image was checked
 * when it was loaded, but its debug sections were not: anything out of bounds here is left out.
 */
final class DebugSections {
    private static final int SECTION_HEADERS = 32;
    private static final int SECTION_HEADER_COUNT = 48;
    private static final int NAMES_SECTION = 50;
    private static final int SECTION_HEADER_SIZE = 40;

    private DebugSections() {}

    /** Section contents by name ({@code .debug_line}, {@code .debug_line_str}, ...); empty when unreadable. */
    static Map<String, ByteBuffer> read(byte[] image) {
        Map<String, ByteBuffer> sections = new HashMap<>();
        try {
            ByteBuffer in = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
            long table = Integer.toUnsignedLong(in.getInt(SECTION_HEADERS));
            int count = Short.toUnsignedInt(in.getShort(SECTION_HEADER_COUNT));
            int namesIndex = Short.toUnsignedInt(in.getShort(NAMES_SECTION));
            if (namesIndex >= count) {
                return sections;
            }
            ByteBuffer names = contents(in, table + (long) namesIndex * SECTION_HEADER_SIZE);
            for (int i = 0; i < count; i++) {
                long header = table + (long) i * SECTION_HEADER_SIZE;
                String name = string(names, in.getInt(Math.toIntExact(header)));
                if (name.startsWith(".debug_")) {
                    sections.put(name, contents(in, header));
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException malformed) {
            sections.clear();
        }
        return sections;
    }

    private static ByteBuffer contents(ByteBuffer in, long header) {
        int at = Math.toIntExact(header);
        int offset = in.getInt(at + 16);
        int size = in.getInt(at + 20);
        return in.slice(offset, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The NUL-terminated string at {@code offset}. */
    static String string(ByteBuffer section, int offset) {
        int end = offset;
        while (section.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - offset];
        section.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
