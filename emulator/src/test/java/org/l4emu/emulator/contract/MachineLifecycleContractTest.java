package org.l4emu.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;

/** Opening, running and closing a machine: what a run refuses. */
@ParameterizedClass(name = "{0}")
@EnumSource(IsaFixture.class)
class MachineLifecycleContractTest {
    private final IsaFixture isa;

    MachineLifecycleContractTest(IsaFixture isa) {
        this.isa = isa;
    }

    @Test
    void theFactoryOpensTheArchitectureAskedFor() {
        try (Machine machine = Machines.open(isa.architecture(), 1L << 20)) {
            assertEquals(isa.architecture(), machine.architecture());
            assertEquals(1L << 20, machine.memory().size());
        }
    }

    @Test
    void runRejectsForeignArgumentsAndClosedMachines() {
        Machine machine = Machines.open(isa.architecture(), 1L << 20);
        AddressSpace space = machine.createAddressSpace();
        CpuContext context = machine.createContext(0x1_0000, 0x8_0000);
        CpuContext foreign = (CpuContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CpuContext.class}, (proxy, method, arguments) -> null);

        assertThrows(IllegalArgumentException.class, () -> machine.run(context, space, 0));
        assertThrows(IllegalArgumentException.class, () -> machine.run(context, null, 1));
        assertThrows(IllegalArgumentException.class, () -> machine.run(foreign, space, 1));
        try (Machine other = Machines.open(isa.architecture(), 1L << 20)) {
            assertThrows(IllegalArgumentException.class, () -> machine.run(context, other.createAddressSpace(), 1),
                    "a space of another machine");
        }
        machine.close();
        machine.close();
        assertThrows(IllegalStateException.class, () -> machine.run(context, space, 1));
        assertThrows(IllegalStateException.class, machine::createAddressSpace);
    }
}
