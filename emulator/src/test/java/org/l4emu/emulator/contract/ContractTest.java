package org.l4emu.emulator.contract;

import org.junit.jupiter.api.AfterEach;

/**
 * A contract test: one behaviour of every machine, run once per instruction set (subclasses are
 * {@code @ParameterizedClass} over {@link IsaFixture}), each test on a fresh {@link Guest}.
 */
abstract class ContractTest {
    protected final IsaFixture isa;
    protected final Guest guest;

    ContractTest(IsaFixture isa) {
        this.isa = isa;
        this.guest = new Guest(isa);
    }

    @AfterEach
    void closeGuest() {
        guest.close();
    }
}
