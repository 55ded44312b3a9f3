package org.l4emu.emulator.arm;

import java.lang.reflect.Field;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.unicorn.ArmCpRegister;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * Probe (not a unit test) of whether the engine keeps its TLB across a DACR write, which ARM
 * domains (Wiggins and Heiser) would need to switch address spaces without a flush. A thread
 * loads one word from each of {@link #PAGES} pages and traps; between runs the probe writes
 * nothing, DACR (the value it has), TTBR0 (the value it has) or TLBIALL. If a DACR write kept
 * the TLB, its runs would cost what runs with no write cost; a flush makes them cost what
 * TLBIALL's do. Run with {@code java --enable-native-access=ALL-UNNAMED -cp
 * target/classes:target/test-classes org.l4emu.emulator.arm.ArmDomainProbe}.
 */
public final class ArmDomainProbe {
    private static final int PAGES = 16;
    private static final int RUNS = 20_000;
    private static final int ROUNDS = 5;
    private static final int LDR_R3_R0 = 0xE5903000;
    /** bne back three instructions (to the ldr of the loop). */
    private static final int BNE_MINUS_3 = 0x1AFFFFFB;

    private ArmDomainProbe() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        try (GuestMachine guest = new GuestMachine()) {
            AddressSpace space = guest.newSpace();
            guest.arm(space, GuestMachine.CODE, LDR_R3_R0, Arm.ADD_R0_R0_4096, Arm.SUBS_R1_R1_1, BNE_MINUS_3,
                    Arm.SVC_0);
            for (int page = 0; page < PAGES; page++) {
                guest.data(space, GuestMachine.DATA + page * 4096, Access.READ);
            }
            ArmCpu cpu = cpuOf((ArmMachine) guest.machine);
            Unicorn unicorn = cpu.unicorn();
            ArmCpuContext thread = guest.context(GuestMachine.CODE);
            for (int round = 0; round < ROUNDS; round++) {
                for (String write : new String[] {"nothing", "DACR", "TTBR0", "TLBIALL"}) {
                    long start = System.nanoTime();
                    for (int run = 0; run < RUNS; run++) {
                        thread.setRegister(0, GuestMachine.DATA);
                        thread.setRegister(1, PAGES);
                        thread.setInstructionPointer(GuestMachine.CODE);
                        if (guest.machine.run(thread, space, 1000) != Trap.SYSCALL) {
                            throw new AssertionError("expected the svc");
                        }
                        Bank bank = cpu.bankHolding((ArmAddressSpace) space);
                        switch (write) {
                            case "DACR" -> unicorn.writeCoprocessor(ArmCpRegister.DACR, bank,
                                    unicorn.readCoprocessor(ArmCpRegister.DACR, bank));
                            case "TTBR0" -> unicorn.writeCoprocessor(ArmCpRegister.TTBR0, bank,
                                    unicorn.readCoprocessor(ArmCpRegister.TTBR0, bank));
                            case "TLBIALL" -> unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
                            default -> {
                            }
                        }
                    }
                    System.out.printf("round %d, writing %-8s %7.1f ns per run of %d page loads%n", round, write,
                            (System.nanoTime() - start) / (double) RUNS, PAGES);
                }
            }
        }
    }

    private static ArmCpu cpuOf(ArmMachine machine) throws ReflectiveOperationException {
        Field field = ArmMachine.class.getDeclaredField("cpu");
        field.setAccessible(true);
        return (ArmCpu) field.get(machine);
    }
}
