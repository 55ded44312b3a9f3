package org.l4emu.emulator.x86;

import org.l4emu.emulator.unicorn.UcArch;
import org.l4emu.emulator.unicorn.UcMode;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86CpuModel;

/**
 * Opens every IA-32 engine l4emu uses with one CPU model, as arm pins the Cortex-A15: left to
 * itself each library picks its own default and guests see different instruction sets. No model
 * makes the two libraries agree on everything: Unicorn 2.0.1's translator has one fixed feature
 * set whatever the model, and 2.1 follows the model. Of the models both know, Opteron G3 (as
 * G4, G5 and Phenom) comes closest (probed with every feature-dependent instruction a ring-3
 * guest can try): {@code rdtscp} is a privileged instruction and {@code lzcnt} counts leading
 * zeros on both; only {@code popcnt} still differs (undefined on 2.0.1, executed on 2.1), which
 * {@code cpuid} does not advertise. It has execute-disable, which the one-engine design needs.
 * What {@code cpuid} itself answers comes from {@link X86Cpuid}, not from the model.
 */
final class X86Engine {
    static final X86CpuModel MODEL = X86CpuModel.OPTERON_G3;

    private X86Engine() {
    }

    /** A new 32-bit x86 engine with {@link #MODEL}; the {@code cpuid} hook goes in with the CPU's other hooks. */
    static Unicorn open() {
        Unicorn unicorn = Unicorn.open(UcArch.X86, UcMode.X86_32);
        try {
            unicorn.setCpuModel(MODEL);
        } catch (RuntimeException | Error e) {
            unicorn.close();
            throw e;
        }
        return unicorn;
    }
}
