package org.l4emu.tools.source;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An image's DWARF line table ({@code .debug_line}, versions 2 to 5 as gcc and
 * arm-none-eabi-gcc 12 emit them): which source line each instruction address comes from.
 * A unit that cannot be read ends the reading: the table keeps what came before.
 */
public final class LineTable {
    public static final LineTable EMPTY = new LineTable(new TreeMap<>());

    private static final int DW_LNS_COPY = 1;
    private static final int DW_LNS_ADVANCE_PC = 2;
    private static final int DW_LNS_ADVANCE_LINE = 3;
    private static final int DW_LNS_SET_FILE = 4;
    private static final int DW_LNS_CONST_ADD_PC = 8;
    private static final int DW_LNS_FIXED_ADVANCE_PC = 9;
    private static final int DW_LNE_END_SEQUENCE = 1;
    private static final int DW_LNE_SET_ADDRESS = 2;
    private static final int DW_LNE_DEFINE_FILE = 3;
    private static final int DW_LNCT_PATH = 1;
    private static final int DW_LNCT_DIRECTORY_INDEX = 2;
    private static final int DW_FORM_BLOCK = 0x09;
    private static final int DW_FORM_DATA1 = 0x0b;
    private static final int DW_FORM_DATA2 = 0x05;
    private static final int DW_FORM_DATA4 = 0x06;
    private static final int DW_FORM_DATA8 = 0x07;
    private static final int DW_FORM_DATA16 = 0x1e;
    private static final int DW_FORM_STRING = 0x08;
    private static final int DW_FORM_STRP = 0x0e;
    private static final int DW_FORM_UDATA = 0x0f;
    private static final int DW_FORM_LINE_STRP = 0x1f;

    /** Rows by address; a null line marks the end of a sequence (addresses there have none). */
    private final TreeMap<Long, SourceLine> rows;

    private LineTable(TreeMap<Long, SourceLine> rows) {
        this.rows = rows;
    }

    /** The line table of the ELF image {@code image}; empty when it has none or it cannot be read. */
    public static LineTable of(byte[] image) {
        Map<String, ByteBuffer> sections = DebugSections.read(image);
        ByteBuffer lines = sections.get(".debug_line");
        TreeMap<Long, SourceLine> rows = new TreeMap<>();
        if (lines != null) {
            new Reader(lines, sections.get(".debug_line_str"), sections.get(".debug_str"), rows).readAll();
        }
        return new LineTable(rows);
    }

    /** The source line of the instruction at {@code address}. */
    public Optional<SourceLine> at(int address) {
        var row = rows.floorEntry(Integer.toUnsignedLong(address));
        return row == null || row.getValue() == null ? Optional.empty() : Optional.of(row.getValue());
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    private static final class Reader {
        private final ByteBuffer in;
        private final ByteBuffer lineStrings;
        private final ByteBuffer strings;
        private final TreeMap<Long, SourceLine> rows;

        Reader(ByteBuffer in, ByteBuffer lineStrings, ByteBuffer strings, TreeMap<Long, SourceLine> rows) {
            this.in = in;
            this.lineStrings = lineStrings;
            this.strings = strings;
            this.rows = rows;
        }

        void readAll() {
            try {
                while (in.remaining() > 0) {
                    readUnit();
                }
            } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException malformed) {
                // Keep the units read so far: debug information is a help, never a requirement.
            }
        }

        private void readUnit() {
            long length = Integer.toUnsignedLong(in.getInt());
            if (length >= 0xffff_fff0L) {
                throw new IllegalArgumentException("64-bit DWARF is not for 32-bit guests");
            }
            int end = Math.addExact(in.position(), Math.toIntExact(length));
            int version = Short.toUnsignedInt(in.getShort());
            if (version < 2 || version > 5) {
                throw new IllegalArgumentException("DWARF line table version " + version);
            }
            if (version >= 5) {
                in.get();
                in.get();
            }
            int headerLength = in.getInt();
            int program = Math.addExact(in.position(), headerLength);
            int minimumLength = Byte.toUnsignedInt(in.get());
            if (version >= 4) {
                in.get();
            }
            in.get();
            int lineBase = in.get();
            int lineRange = Byte.toUnsignedInt(in.get());
            int opcodeBase = Byte.toUnsignedInt(in.get());
            int[] operands = new int[opcodeBase];
            for (int i = 1; i < opcodeBase; i++) {
                operands[i] = Byte.toUnsignedInt(in.get());
            }
            List<String> files = version >= 5 ? filesV5() : filesV4();
            in.position(program);
            run(end, version, minimumLength, lineBase, lineRange, opcodeBase, operands, files);
            in.position(end);
        }

        /** DWARF 2-4: directories (index 0 is the compilation directory), then files from index 1. */
        private List<String> filesV4() {
            List<String> directories = new ArrayList<>(List.of(""));
            for (String directory = cString(); !directory.isEmpty(); directory = cString()) {
                directories.add(directory);
            }
            List<String> files = new ArrayList<>();
            files.add("");
            for (String name = cString(); !name.isEmpty(); name = cString()) {
                files.add(join(directories, (int) uleb(), name));
                uleb();
                uleb();
            }
            return files;
        }

        /** DWARF 5: directories, then files, each as formatted entries; both indexed from 0. */
        private List<String> filesV5() {
            List<String> directories = new ArrayList<>();
            readEntries(directories, null);
            List<String> files = new ArrayList<>();
            readEntries(files, directories);
            return files;
        }

        private void readEntries(List<String> into, List<String> directories) {
            int formats = Byte.toUnsignedInt(in.get());
            long[] contents = new long[formats];
            long[] forms = new long[formats];
            for (int i = 0; i < formats; i++) {
                contents[i] = uleb();
                forms[i] = uleb();
            }
            long count = uleb();
            for (long entry = 0; entry < count; entry++) {
                String path = "";
                int directory = 0;
                for (int i = 0; i < formats; i++) {
                    Object value = value((int) forms[i]);
                    if (contents[i] == DW_LNCT_PATH && value instanceof String text) {
                        path = text;
                    } else if (contents[i] == DW_LNCT_DIRECTORY_INDEX && value instanceof Long index) {
                        directory = Math.toIntExact(index);
                    }
                }
                into.add(directories == null ? path : join(directories, directory, path));
            }
        }

        private Object value(int form) {
            return switch (form) {
                case DW_FORM_STRING -> cString();
                case DW_FORM_LINE_STRP -> DebugSections.string(lineStrings, in.getInt());
                case DW_FORM_STRP -> DebugSections.string(strings, in.getInt());
                case DW_FORM_UDATA -> uleb();
                case DW_FORM_DATA1 -> (long) Byte.toUnsignedInt(in.get());
                case DW_FORM_DATA2 -> (long) Short.toUnsignedInt(in.getShort());
                case DW_FORM_DATA4 -> Integer.toUnsignedLong(in.getInt());
                case DW_FORM_DATA8 -> in.getLong();
                case DW_FORM_DATA16 -> skip(16);
                case DW_FORM_BLOCK -> skip(Math.toIntExact(uleb()));
                default -> throw new IllegalArgumentException("DWARF form " + form + " in a line table header");
            };
        }

        private Object skip(int bytes) {
            in.position(in.position() + bytes);
            return null;
        }

        private static String join(List<String> directories, int index, String name) {
            if (name.startsWith("/") || index < 0 || index >= directories.size()) {
                return name;
            }
            String directory = directories.get(index);
            return directory.isEmpty() || directory.equals(".") ? name : Path.of(directory, name).normalize().toString();
        }

        private void run(int end, int version, int minimumLength, int lineBase, int lineRange, int opcodeBase,
                         int[] operands, List<String> files) {
            long address = 0;
            int file = 1;
            int line = 1;
            while (in.position() < end) {
                int opcode = Byte.toUnsignedInt(in.get());
                if (opcode >= opcodeBase) {
                    int adjusted = opcode - opcodeBase;
                    address += (long) (adjusted / lineRange) * minimumLength;
                    line += lineBase + adjusted % lineRange;
                    emit(address, files, file, line);
                    continue;
                }
                switch (opcode) {
                    case 0 -> {
                        int length = Math.toIntExact(uleb());
                        int next = in.position() + length;
                        int sub = Byte.toUnsignedInt(in.get());
                        if (sub == DW_LNE_END_SEQUENCE) {
                            rows.putIfAbsent(address, null);
                            address = 0;
                            file = 1;
                            line = 1;
                        } else if (sub == DW_LNE_SET_ADDRESS) {
                            address = Integer.toUnsignedLong(in.getInt());
                        } else if (sub == DW_LNE_DEFINE_FILE && version < 5) {
                            files.add(cString());
                        }
                        in.position(next);
                    }
                    case DW_LNS_COPY -> emit(address, files, file, line);
                    case DW_LNS_ADVANCE_PC -> address += uleb() * minimumLength;
                    case DW_LNS_ADVANCE_LINE -> line += (int) sleb();
                    case DW_LNS_SET_FILE -> file = Math.toIntExact(uleb());
                    case DW_LNS_CONST_ADD_PC -> address += (long) ((255 - opcodeBase) / lineRange) * minimumLength;
                    case DW_LNS_FIXED_ADVANCE_PC -> address += Short.toUnsignedInt(in.getShort());
                    default -> {
                        for (int i = 0; i < operands[opcode]; i++) {
                            uleb();
                        }
                    }
                }
            }
        }

        private void emit(long address, List<String> files, int file, int line) {
            if (file >= 0 && file < files.size()) {
                rows.put(address, new SourceLine(files.get(file), line));
            }
        }

        private String cString() {
            int start = in.position();
            String text = DebugSections.string(in, start);
            in.position(start + text.getBytes(StandardCharsets.UTF_8).length + 1);
            return text;
        }

        private long uleb() {
            return leb128(false);
        }

        private long sleb() {
            return leb128(true);
        }

        /** A LEB128 number: seven bits a byte, low first; {@code signed}: sign-extended from the last. */
        private long leb128(boolean signed) {
            long result = 0;
            int shift = 0;
            byte b;
            do {
                b = in.get();
                if (shift < Long.SIZE) {
                    result |= (long) (b & 0x7f) << shift;
                }
                shift += 7;
            } while ((b & 0x80) != 0);
            if (signed && shift < Long.SIZE && (b & 0x40) != 0) {
                result |= -1L << shift;
            }
            return result;
        }
    }
}
