package org.l4emu.kernel.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;
import org.l4emu.emulator.elf.ElfFormatException;
import org.l4emu.emulator.elf.ElfImage;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.system.SystemDescriptionException;
import org.l4emu.kernel.system.SystemDescriptionParser;
import org.l4emu.kernel.system.SystemDescriptions;
import org.l4emu.kernel.trace.KernelEvents;

/** {@code l4emu boot FILE}: reads an ELF image or a system description, builds it, runs it. */
public final class Boot {
    private static final byte[] ELF_MAGIC = {0x7F, 'E', 'L', 'F'};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int HEAD_BYTES = 4096;

    private Boot() {}

    /** Reads {@code file} as one ELF (a single privileged task) or as an XML system description. */
    public static SystemDescription describe(Path file) throws BootException {
        if (!Files.isRegularFile(file)) {
            throw new BootException(file + (Files.isDirectory(file)
                    ? ": a directory, not an ELF image or a system description"
                    : Files.exists(file) ? ": not a regular file" : ": no such file"));
        }
        try {
            byte[] head = head(file);
            if (Arrays.equals(head, 0, Math.min(head.length, ELF_MAGIC.length), ELF_MAGIC, 0, ELF_MAGIC.length)) {
                Architecture arch = ElfImage.read(file).architecture();
                return SystemDescriptions.forSingleElf(file, arch);
            }
            // A file named .xml is meant as a description: the parser says where it goes wrong.
            if (!file.getFileName().toString().endsWith(".xml") && !startsLikeXml(head)) {
                throw new BootException(file + ": neither an ELF executable nor an XML system description");
            }
            return SystemDescriptionParser.parse(file);
        } catch (ElfFormatException | SystemDescriptionException e) {
            throw new BootException(e.getMessage());
        } catch (IOException e) {
            throw new BootException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Boots {@code file} and runs it to the end; returns the exit code of ABI section 4. */
    public static int run(Path file, BootOptions options, OutputStream console, PrintStream log, KernelEvents events)
            throws BootException {
        return run(describe(file), options, console, log, events);
    }

    /** Boots an already read description and runs it to the end (for callers that look at it first). */
    public static int run(SystemDescription description, BootOptions options, OutputStream console, PrintStream log,
                          KernelEvents events) throws BootException {
        ImageSet images = ImageSet.load(description);
        try (Machine machine = Machines.open(description.arch())) {
            return Kernel.boot(machine, description, images, options, console, log, events).run();
        }
    }

    /** The first bytes of {@code file}: enough for the ELF magic, or to find where XML begins. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /** True when the first thing after any byte-order mark and white space is '<' (a declaration, comment or element). */
    private static boolean startsLikeXml(byte[] head) {
        boolean marked = head.length >= UTF8_BOM.length
                && Arrays.equals(head, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length);
        int at = marked ? UTF8_BOM.length : 0;
        while (at < head.length && Character.isWhitespace(head[at])) {
            at++;
        }
        return at == head.length || head[at] == '<';
    }
}
