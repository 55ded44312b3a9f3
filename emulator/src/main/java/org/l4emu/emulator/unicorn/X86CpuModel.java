package org.l4emu.emulator.unicorn;

/** Values of {@code uc_cpu_x86} (unicorn/x86.h of Unicorn 2.0 and 2.1, which agree) that l4emu uses. */
public enum X86CpuModel {
    QEMU64(0), PHENOM(1), CORE2DUO(2), KVM64(3), QEMU32(4), KVM32(5), COREDUO(6), I486(7), PENTIUM(8), PENTIUM2(9),
    PENTIUM3(10), ATHLON(11), N270(12), CONROE(13), PENRYN(14), NEHALEM(15), WESTMERE(16), SANDYBRIDGE(17),
    IVYBRIDGE(18), HASWELL(19), BROADWELL(20), SKYLAKE_CLIENT(21), SKYLAKE_SERVER(22), CASCADELAKE_SERVER(23),
    COOPERLAKE(24), ICELAKE_CLIENT(25), ICELAKE_SERVER(26), DENVERTON(27), SNOWRIDGE(28), KNIGHTSMILL(29),
    OPTERON_G1(30), OPTERON_G2(31), OPTERON_G3(32), OPTERON_G4(33), OPTERON_G5(34), EPYC(35), DHYANA(36),
    EPYC_ROME(37);

    private final int value;

    X86CpuModel(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
