package org.l4emu.emulator.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Architecture;

class ElfImageTest {
    @Test
    void readsArchitectureEntryAndSegments() throws ElfFormatException {
        ElfImage image = ElfImage.parse("a.elf", ElfBuilder.typicalArm().build());

        assertEquals(Architecture.ARM, image.architecture());
        assertEquals(0x8000, image.entry());
        List<Segment> segments = image.segments();
        assertEquals(2, segments.size());
        assertEquals(0x8000, segments.get(0).virtualAddress());
        assertEquals(64, segments.get(0).memorySize());
        assertArrayEquals(ElfBuilder.bytes(64, 1), segments.get(0).fileBytes());
        assertEquals(Access.READ_EXECUTE, segments.get(0).rights());
        assertEquals(0x10000, segments.get(1).virtualAddress());
        assertEquals(0x2000, segments.get(1).memorySize());
        assertEquals(16, segments.get(1).fileSize());
        assertEquals(Access.READ_WRITE, segments.get(1).rights());
    }

    @Test
    void findsFunctionsAndObjectsKeepingTheThumbBit() throws ElfFormatException {
        ElfImage image = ElfImage.parse("a.elf", ElfBuilder.typicalArm().build());

        assertEquals(OptionalInt.of(0x8000), image.symbol("_start"));
        assertEquals(OptionalInt.of(0x8021), image.symbol("worker_main"));
        assertEquals(OptionalInt.of(0x10004), image.symbol("counter"));
        assertEquals(OptionalInt.empty(), image.symbol("missing"));
    }

    @Test
    void preferGlobalOverLocalDefinitionsAndIgnoresUndefinedSymbols() throws ElfFormatException {
        byte[] bytes = ElfBuilder.arm().entry(0x8000)
                .segment(0x8000, ElfBuilder.PF_R | ElfBuilder.PF_X, new byte[16], 16)
                .symbol("helper", 0x8004, ElfBuilder.STB_LOCAL, ElfBuilder.STT_FUNC)
                .symbol("helper", 0x8008, ElfBuilder.STB_GLOBAL, ElfBuilder.STT_FUNC)
                .symbol("helper", 0x800c, ElfBuilder.STB_LOCAL, ElfBuilder.STT_FUNC)
                .undefinedSymbol("printf")
                .build();
        ElfImage image = ElfImage.parse("a.elf", bytes);

        assertEquals(OptionalInt.of(0x8008), image.symbol("helper"));
        assertEquals(OptionalInt.empty(), image.symbol("printf"));
    }

    @Test
    void acceptsStrippedImages() throws ElfFormatException {
        ElfImage image = ElfImage.parse("a.elf", ElfBuilder.typicalArm().stripped().build());

        assertEquals(2, image.segments().size());
        assertEquals(OptionalInt.empty(), image.symbol("_start"));
    }

    @Test
    void readsX86Images() throws ElfFormatException {
        byte[] bytes = ElfBuilder.x86().entry(0x08048000)
                .segment(0x08048000, ElfBuilder.PF_R | ElfBuilder.PF_X, new byte[32], 32).build();

        assertEquals(Architecture.X86, ElfImage.parse("x.elf", bytes).architecture());
    }

    @Test
    void acceptsAThumbEntryInsideTheCode() throws ElfFormatException {
        byte[] bytes = ElfBuilder.arm().entry(0x8001)
                .segment(0x8000, ElfBuilder.PF_R | ElfBuilder.PF_X, new byte[4], 4).build();

        assertEquals(0x8001, ElfImage.parse("t.elf", bytes).entry());
    }

    @Test
    void skipsNonLoadAndEmptySegments() throws ElfFormatException {
        byte[] bytes = ElfBuilder.arm().entry(0x8000)
                .note(new byte[8])
                .segment(0x9000, ElfBuilder.PF_R, new byte[0], 0)
                .segment(0x8000, ElfBuilder.PF_R | ElfBuilder.PF_X, new byte[4], 4).build();

        assertEquals(1, ElfImage.parse("n.elf", bytes).segments().size());
    }

    @Test
    void acceptsSegmentsEndingAtTheTopOfTheAddressSpace() throws ElfFormatException {
        byte[] bytes = ElfBuilder.arm().entry(0xfffff000)
                .segment(0xfffff000, ElfBuilder.PF_R | ElfBuilder.PF_X, new byte[4], 0x1000).build();

        assertEquals(0x1_0000_0000L, ElfImage.parse("top.elf", bytes).segments().get(0).endAddress());
    }

    @Test
    void readsFilesAndNamesThemInErrors(@TempDir Path dir) throws IOException, ElfFormatException {
        Path file = dir.resolve("hello.elf");
        Files.write(file, ElfBuilder.typicalArm().build());
        assertEquals(file.toString(), ElfImage.read(file).displayName());

        Path missing = dir.resolve("missing.elf");
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfImage.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());

        e = assertThrows(ElfFormatException.class, () -> ElfImage.read(dir));
        assertEquals(dir + ": is a directory", e.getMessage());
    }

    @Test
    void segmentsAreImmutable() throws ElfFormatException {
        Segment segment = ElfImage.parse("a.elf", ElfBuilder.typicalArm().build()).segments().get(0);
        segment.fileBytes()[0] = 99;

        assertArrayEquals(ElfBuilder.bytes(64, 1), segment.fileBytes());
    }
}
