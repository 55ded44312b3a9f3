package org.l4emu.emulator.elf;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the named, defined symbols of {@code .symtab}. A stripped image has none, which is fine;
 * a symbol table that is present but broken is an error.
 */
final class SymbolTable {
    private static final int ENTRY_SIZE = 16;
    private static final int UNDEFINED_SECTION = 0;
    private static final int BINDING_LOCAL = 0;
    private static final int TYPE_NONE = 0;
    private static final int TYPE_OBJECT = 1;
    private static final int TYPE_FUNCTION = 2;

    private SymbolTable() {}

    static Map<String, Integer> read(ElfInput in, ElfHeader header) throws ElfFormatException {
        for (int index = 0; index < header.sectionHeaderCount(); index++) {
            SectionHeader section = SectionHeader.read(in, header, index);
            if (section.type() == SectionHeader.TYPE_SYMBOL_TABLE) {
                return readSymbols(in, header, section);
            }
        }
        return Map.of();
    }

    private static Map<String, Integer> readSymbols(ElfInput in, ElfHeader header, SectionHeader symbols)
            throws ElfFormatException {
        if (symbols.entrySize() != ENTRY_SIZE) {
            throw in.fail("bad symbol entry size " + symbols.entrySize() + " (expected " + ENTRY_SIZE + ")");
        }
        if (symbols.size() % ENTRY_SIZE != 0) {
            throw in.fail("symbol table size " + symbols.size() + " is not a multiple of " + ENTRY_SIZE);
        }
        symbols.requireContentsWithinFile(in, "symbol table");
        SectionHeader strings = linkedStringTable(in, header, symbols);
        strings.requireContentsWithinFile(in, "symbol string table");

        Map<String, Integer> values = new HashMap<>();
        Set<String> globals = new HashSet<>();
        for (long at = symbols.offset(); at < symbols.offset() + symbols.size(); at += ENTRY_SIZE) {
            int info = in.u8(at + 12);
            int type = info & 0xf;
            boolean addressable = type == TYPE_FUNCTION || type == TYPE_OBJECT || type == TYPE_NONE;
            if (!addressable || in.u16(at + 14) == UNDEFINED_SECTION) {
                continue;
            }
            String name = name(in, strings, in.u32(at));
            int value = (int) in.u32(at + 4);
            // Names can repeat (static functions in several files): the first global definition wins.
            if (name.isEmpty()) {
                continue;
            } else if (info >>> 4 != BINDING_LOCAL) {
                if (globals.add(name)) {
                    values.put(name, value);
                }
            } else {
                values.putIfAbsent(name, value);
            }
        }
        return Map.copyOf(values);
    }

    private static SectionHeader linkedStringTable(ElfInput in, ElfHeader header, SectionHeader symbols)
            throws ElfFormatException {
        if (symbols.link() >= header.sectionHeaderCount()) {
            throw in.fail("symbol table links to section " + symbols.link()
                    + ", but there are only " + header.sectionHeaderCount());
        }
        SectionHeader strings = SectionHeader.read(in, header, (int) symbols.link());
        if (strings.type() != SectionHeader.TYPE_STRING_TABLE) {
            throw in.fail("symbol table links to section " + symbols.link() + ", which is not a string table");
        }
        return strings;
    }

    private static String name(ElfInput in, SectionHeader strings, long nameOffset) throws ElfFormatException {
        long start = strings.offset() + nameOffset;
        long end = strings.offset() + strings.size();
        for (long at = start; at < end; at++) {
            if (in.u8(at) == 0) {
                return new String(in.copy(start, at - start), StandardCharsets.UTF_8);
            }
        }
        throw in.fail("symbol name at string table offset " + nameOffset + " is not terminated inside the table");
    }
}
