package org.l4emu.emulator.elf;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.l4emu.emulator.Architecture;

/**
 * A checked ELF32 little-endian executable for arm or x86: its loadable segments, entry point
 * and symbols. Structure is verified here; whether addresses suit the guest (the L4 user range)
 * is for the kernel to decide.
 */
public final class ElfImage {
    /** Far beyond any guest image; keeps a mistaken path from exhausting the heap. */
    private static final long MAX_FILE_SIZE = 256L << 20;

    private final String displayName;
    private final Architecture architecture;
    private final int entry;
    private final List<Segment> segments;
    private final Map<String, Integer> symbols;

    private ElfImage(String displayName, Architecture architecture, int entry,
                     List<Segment> segments, Map<String, Integer> symbols) {
        this.displayName = displayName;
        this.architecture = architecture;
        this.entry = entry;
        this.segments = segments;
        this.symbols = symbols;
    }

    /** Reads and checks the image in {@code file}; error messages name the file as given. */
    public static ElfImage read(Path file) throws ElfFormatException {
        String displayName = file.toString();
        if (Files.isDirectory(file)) {
            throw new ElfFormatException(displayName, "is a directory");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                throw new ElfFormatException(displayName, "file too large (" + size + " bytes)");
            }
            return parse(displayName, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ElfFormatException(displayName, "no such file");
        } catch (AccessDeniedException e) {
            throw new ElfFormatException(displayName, "permission denied");
        } catch (IOException e) {
            throw new ElfFormatException(displayName, "cannot read: " + e.getMessage());
        }
    }

    /** Checks the image in {@code bytes}; {@code displayName} prefixes error messages. */
    public static ElfImage parse(String displayName, byte[] bytes) throws ElfFormatException {
        Objects.requireNonNull(displayName, "displayName");
        ElfInput in = new ElfInput(displayName, bytes);
        ElfHeader header = ElfHeader.read(in);
        List<Segment> segments = LoadSegments.read(in, header);
        requireExecutableEntry(in, header, segments);
        Map<String, Integer> symbols = SymbolTable.read(in, header);
        return new ElfImage(displayName, header.architecture(), header.entry(), segments, symbols);
    }

    private static void requireExecutableEntry(ElfInput in, ElfHeader header, List<Segment> segments)
            throws ElfFormatException {
        // On arm, bit 0 of the entry selects Thumb state; the instruction is at the even address.
        int address = header.architecture() == Architecture.ARM ? header.entry() & ~1 : header.entry();
        boolean executable = segments.stream()
                .anyMatch(s -> s.rights().executable() && s.contains(address));
        if (!executable) {
            throw in.fail(String.format("entry point 0x%08x lies outside every executable segment",
                    header.entry()));
        }
    }

    /** The name error messages use for this image (normally its path). */
    public String displayName() {
        return displayName;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** e_entry as in the file; on arm, bit 0 set means Thumb. */
    public int entry() {
        return entry;
    }

    /** The PT_LOAD segments with a non-zero memory size, in program header order; disjoint. */
    public List<Segment> segments() {
        return segments;
    }

    /**
     * The value of the function, object or untyped symbol {@code name} defined in the image
     * (st_value as is: a Thumb function's has bit 0 set), or empty when there is none or the
     * image is stripped.
     */
    public OptionalInt symbol(String name) {
        Integer value = symbols.get(name);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    @Override
    public String toString() {
        return String.format("ElfImage[%s, %s, entry 0x%08x, %d segments, %d symbols]",
                displayName, architecture.xmlName(), entry, segments.size(), symbols.size());
    }
}
