package org.l4emu.tools.disasm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.debug.DisassemblyMode;

/**
 * ARM, Thumb and IA-32 disassembly through the system's Capstone library (libcapstone.so.4 from Debian's
 * libcapstone4, or 5), called over the JDK's FFM API. Only cs_open, cs_disasm, cs_free and
 * cs_close are used; the cs_insn layout is taken from the library's major version.
 */
public final class Capstone {
    private static final String[] LIBRARIES = {"libcapstone.so.4", "libcapstone.so.5", "libcapstone.so"};
    private static final int CS_ARCH_ARM = 0;
    private static final int CS_ARCH_X86 = 3;
    private static final int CS_MODE_ARM = 0;
    private static final int CS_MODE_THUMB = 1 << 4;
    private static final int CS_MODE_32 = 1 << 2;
    private static final long ID_AND_ADDRESS = 8;
    private static final long SIZE_OFFSET = 16;
    private static final long BYTES_OFFSET = 18;

    private final MethodHandle open;
    private final MethodHandle disasm;
    private final MethodHandle free;
    private final MethodHandle close;
    private final long mnemonicOffset;
    private final long operandsOffset;
    private final long instructionSize;

    private Capstone(SymbolLookup library, int major) {
        Linker linker = Linker.nativeLinker();
        open = linker.downcallHandle(library.find("cs_open").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        disasm = linker.downcallHandle(library.find("cs_disasm").orElseThrow(), FunctionDescriptor.of(
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        free = linker.downcallHandle(library.find("cs_free").orElseThrow(), FunctionDescriptor.ofVoid(
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        close = linker.downcallHandle(library.find("cs_close").orElseThrow(), FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        // cs_insn: id, address, size, bytes[16 in v4, 24 in v5], mnemonic[32], op_str[160], detail.
        int byteCount = major >= 5 ? 24 : 16;
        mnemonicOffset = BYTES_OFFSET + byteCount;
        operandsOffset = mnemonicOffset + 32;
        instructionSize = ((operandsOffset + 160 + 7) & ~7L) + ID_AND_ADDRESS;
    }

    private static final class Holder {
        private static Capstone instance;
        private static String problem;

        static {
            try {
                instance = load();
            } catch (DisassemblerUnavailableException e) {
                problem = e.getMessage();
            }
        }
    }

    /** The library, loaded once. */
    public static Capstone get() throws DisassemblerUnavailableException {
        if (Holder.instance == null) {
            throw new DisassemblerUnavailableException(Holder.problem);
        }
        return Holder.instance;
    }

    private static Capstone load() throws DisassemblerUnavailableException {
        for (String name : LIBRARIES) {
            SymbolLookup library;
            try {
                library = SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException notFound) {
                continue;
            }
            MethodHandle version = Linker.nativeLinker().downcallHandle(library.find("cs_version").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            int major;
            try {
                major = (int) version.invokeExact(MemorySegment.NULL, MemorySegment.NULL) >>> 8;
            } catch (Throwable e) {
                throw new DisassemblerUnavailableException("cannot ask " + name + " for its version: " + e);
            }
            if (major < 4 || major > 5) {
                throw new DisassemblerUnavailableException(name + " is Capstone " + major + "; l4emu knows 4 and 5");
            }
            return new Capstone(library, major);
        }
        throw new DisassemblerUnavailableException(
                "disassembly needs the Capstone library: install it with: sudo apt-get install libcapstone4");
    }

    /** Disassembles at most {@code count} instructions of {@code code}, which lies at {@code address}. */
    public List<Instruction> disassemble(byte[] code, int address, DisassemblyMode mode, int count) {
        int arch = mode == DisassemblyMode.X86_32 ? CS_ARCH_X86 : CS_ARCH_ARM;
        int csMode = switch (mode) {
            case ARM -> CS_MODE_ARM;
            case THUMB -> CS_MODE_THUMB;
            case X86_32 -> CS_MODE_32;
        };
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = arena.allocate(ValueLayout.JAVA_LONG);
            int error = (int) open.invokeExact(arch, csMode, handle);
            if (error != 0) {
                throw new IllegalStateException("cs_open failed with error " + error);
            }
            try {
                return disassemble(arena, handle.get(ValueLayout.JAVA_LONG, 0), code, address, count);
            } finally {
                int ignoredCloseResult = (int) close.invokeExact(handle);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Capstone call failed", e);
        }
    }

    private List<Instruction> disassemble(Arena arena, long handle, byte[] code, int address, int count)
            throws Throwable {
        MemorySegment input = arena.allocate(Math.max(1, code.length));
        input.copyFrom(MemorySegment.ofArray(code));
        MemorySegment result = arena.allocate(ValueLayout.ADDRESS);
        long found = (long) disasm.invokeExact(handle, input, (long) code.length, Integer.toUnsignedLong(address),
                (long) count, result);
        MemorySegment instructions = result.get(ValueLayout.ADDRESS, 0).reinterpret(found * instructionSize);
        List<Instruction> list = new ArrayList<>();
        try {
            for (long i = 0; i < found; i++) {
                MemorySegment one = instructions.asSlice(i * instructionSize, instructionSize);
                int at = (int) one.get(ValueLayout.JAVA_LONG, ID_AND_ADDRESS);
                int size = Short.toUnsignedInt(one.get(ValueLayout.JAVA_SHORT, SIZE_OFFSET));
                byte[] bytes = one.asSlice(BYTES_OFFSET, size).toArray(ValueLayout.JAVA_BYTE);
                list.add(new Instruction(at, size, bytes, one.getString(mnemonicOffset), one.getString(operandsOffset)));
            }
        } finally {
            free.invokeExact(result.get(ValueLayout.ADDRESS, 0), found);
        }
        return list;
    }
}
