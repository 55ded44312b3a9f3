package org.l4emu.emulator.x86;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * Puts a fresh engine into ring 3 for good. The host can load ring-0 selectors but not a DPL-3
 * SS, so a ring-0 stub on the entry page does it with {@code iret}. The stub also sets the
 * control bits only ring-0 code can be relied on to make take effect (host writes to CR0 and
 * CR4 do not update QEMU's cached flags in Unicorn 2.0.1): CR0.EM, so that x87 and MMX
 * instructions fault and threads need no FPU state (guests are soft-float, as on arm);
 * CR0.WP, so that with paging a supervisor write honours a page's read-only bit: QEMU's far
 * calls push the return address through the kernel's MMU index even in ring 3, which would
 * otherwise store into pages mapped read-only, the kernel page's GDT among them; CR4.TSD, so that {@code rdtsc}, which reads the host's clock, faults rather than break
 * determinism; and CR4.OSFXSR and OSXMMEXCPT clear, so that SSE instructions are undefined.
 * With {@link Paging#ON} it then turns on PAE paging with execute-disable through the boot
 * page-directory-pointer table ({@link KernelLayout#BOOT_PDPT}), which must map the entry page
 * at its own address. The {@code iret} lands on the calibration probe, also on the entry page,
 * and the run stops before executing it; no user code is ever translated in ring 0.
 *
 * <p>The task register is given a base ({@link #TASK_LINK}) whose first word is a selector with
 * the LDT bit set, so that a user {@code iret} with EFLAGS.NT set, which reads the back link of a
 * nested task there, raises #TS at once on every engine, reading no guest memory (with TR's base
 * left at 0 it read linear 0: a page fault there, or, with page 0 mapped, #TS).
 */
final class UserModeEntry {
    /** Three instructions and a system call, run in ring 3 to calibrate the instruction counter. */
    static final long PROBE = KernelLayout.ENTRY_PAGE + 0x60;
    static final int PROBE_LENGTH = 5;
    private static final byte[] PROBE_CODE = {
        (byte) 0x90, (byte) 0x90, (byte) 0x90, // nop; nop; nop
        (byte) 0xCD, (byte) 0x80,              // int $0x80
    };
    private static final long STUB = KernelLayout.ENTRY_PAGE;
    private static final long IRET_FRAME = KernelLayout.ENTRY_PAGE + 0x100;
    private static final byte[] CONTROL_BITS = {
        0x0F, 0x20, (byte) 0xC0,                                 // mov %cr0, %eax
        0x0D, 0x04, 0x00, 0x01, 0x00,                            // or $(CR0_EM | CR0_WP), %eax
        0x0F, 0x22, (byte) 0xC0,                                 // mov %eax, %cr0
        0x0F, 0x20, (byte) 0xE0,                                 // mov %cr4, %eax
        (byte) 0x83, (byte) 0xC8, 0x04,                          // or $CR4_TSD, %eax
        0x25, (byte) 0xFF, (byte) 0xF9, (byte) 0xFF, (byte) 0xFF, // and $~(OSFXSR | OSXMMEXCPT), %eax
        0x0F, 0x22, (byte) 0xE0,                                 // mov %eax, %cr4
    };
    private static final int CONTROL_BITS_INSTRUCTIONS = 7;
    private static final int BOOT_PDPT = (int) KernelLayout.BOOT_PDPT;
    private static final byte[] PAGING = {
        (byte) 0xB8, (byte) BOOT_PDPT, (byte) (BOOT_PDPT >>> 8), (byte) (BOOT_PDPT >>> 16), (byte) (BOOT_PDPT >>> 24),
                                                                 // mov $BOOT_PDPT, %eax
        0x0F, 0x22, (byte) 0xD8,                                 // mov %eax, %cr3
        0x0F, 0x20, (byte) 0xE0,                                 // mov %cr4, %eax
        (byte) 0x83, (byte) 0xC8, 0x20,                          // or $CR4_PAE, %eax
        0x0F, 0x22, (byte) 0xE0,                                 // mov %eax, %cr4
        (byte) 0xB9, (byte) 0x80, 0x00, 0x00, (byte) 0xC0,       // mov $MSR_EFER, %ecx
        0x0F, 0x32,                                              // rdmsr
        0x0D, 0x00, 0x08, 0x00, 0x00,                            // or $EFER_NXE, %eax
        0x0F, 0x30,                                              // wrmsr
        0x0F, 0x20, (byte) 0xC0,                                 // mov %cr0, %eax
        0x0D, 0x00, 0x00, 0x00, (byte) 0x80,                     // or $CR0_PG, %eax
        0x0F, 0x22, (byte) 0xC0,                                 // mov %eax, %cr0
    };
    private static final int PAGING_INSTRUCTIONS = 12;
    private static final byte IRET = (byte) 0xCF;
    private static final int CPL_MASK = 3;
    /**
     * TR's base: the first word of the ring-0 code descriptor, its limit 15..0, 0xFFFF, which as
     * a selector has the LDT bit (2) set: a task return through it is refused with #TS.
     */
    static final long TASK_LINK = KernelLayout.GDT + GlobalDescriptorTable.KERNEL_CODE;
    private static final int TASK_LINK_LIMIT = 1;

    /** Whether the stub turns paging on. */
    enum Paging { OFF, ON }

    private UserModeEntry() {
    }

    /**
     * Runs the stub from the entry page (mapped by the caller, paging off) and loads the user
     * data selectors. The CPU is then at {@link #PROBE} in ring 3.
     */
    static void enter(Unicorn engine, Paging paging) {
        ByteArrayOutputStream stub = new ByteArrayOutputStream();
        stub.writeBytes(CONTROL_BITS);
        int instructions = CONTROL_BITS_INSTRUCTIONS;
        if (paging == Paging.ON) {
            stub.writeBytes(PAGING);
            instructions += PAGING_INSTRUCTIONS;
        }
        stub.write(IRET);
        instructions++;
        if (stub.size() > PROBE - STUB) {
            throw new AssertionError("the entry stub runs into the probe");
        }
        engine.writeMemory(STUB, stub.toByteArray());
        engine.writeMemory(PROBE, PROBE_CODE);
        engine.writeMemory(IRET_FRAME, iretFrame());
        engine.writeDescriptorTable(X86Register.GDTR, KernelLayout.GDT, GlobalDescriptorTable.LIMIT);
        engine.writeRegister(X86Register.SS, GlobalDescriptorTable.KERNEL_DATA);
        engine.writeRegister(X86Register.DS, GlobalDescriptorTable.KERNEL_DATA);
        engine.writeRegister(X86Register.ESP, (int) IRET_FRAME);
        int code = engine.emulate(STUB, 0, 0, instructions);
        expect(code == 0 && (engine.readRegister(X86Register.CS) & CPL_MASK) == 3
                && Integer.toUnsignedLong(engine.readRegister(X86Register.EIP)) == PROBE,
                "the ring-0 stub did not enter ring 3 (uc_err " + code + ")");
        engine.writeRegister(X86Register.DS, GlobalDescriptorTable.USER_DATA);
        engine.writeRegister(X86Register.ES, GlobalDescriptorTable.USER_DATA);
        engine.writeRegister(X86Register.FS, GlobalDescriptorTable.USER_DATA);
        engine.writeRegister(X86Register.GS, GlobalDescriptorTable.USER_THREAD_POINTER);
        engine.writeDescriptorTable(X86Register.TR, TASK_LINK, TASK_LINK_LIMIT);
    }

    /** Drops everything translated from the entry page, while it is still mapped where it ran. */
    static void dropTranslations(Unicorn engine) {
        engine.removeTranslationBlocks(KernelLayout.ENTRY_PAGE, KernelLayout.ENTRY_PAGE + KernelLayout.PAGE_SIZE);
    }

    /** What {@code iret} pops to enter ring 3 at the probe: eip, cs, eflags, esp, ss. */
    private static byte[] iretFrame() {
        ByteBuffer frame = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt((int) PROBE).putInt(GlobalDescriptorTable.USER_CODE).putInt(X86CpuContext.EFLAGS_FIXED)
                .putInt(0).putInt(GlobalDescriptorTable.USER_DATA);
        return frame.array();
    }
}
