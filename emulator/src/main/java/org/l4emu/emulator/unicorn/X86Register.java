package org.l4emu.emulator.unicorn;

/** Values of {@code uc_x86_reg} that l4emu uses (unicorn/x86.h of Unicorn 2.0). */
public enum X86Register implements EngineRegister {
    CS(11),
    DS(17),
    EAX(19),
    EBP(20),
    EBX(21),
    ECX(22),
    EDI(23),
    EDX(24),
    EFLAGS(25),
    EIP(26),
    ES(28),
    ESI(29),
    ESP(30),
    FS(32),
    GS(33),
    SS(49),
    CR0(50),
    CR2(52),
    CR3(53),
    CR4(54),
    /** A {@code uc_x86_mmr} (see {@link X86DescriptorTable}); only for {@link Unicorn#writeDescriptorTable}. */
    IDTR(242),
    GDTR(243),
    /** A {@code uc_x86_mmr}, written with {@link Unicorn#writeDescriptorTable} (selector and flags 0). */
    TR(245);

    private final int id;

    X86Register(int id) {
        this.id = id;
    }

    @Override
    public int id() {
        return id;
    }
}
