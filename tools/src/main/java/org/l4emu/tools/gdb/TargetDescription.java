package org.l4emu.tools.gdb;

/** The target description GDB reads with qXfer:features:read: an ARM core, registers r0-r15 and cpsr. */
final class TargetDescription {
    static final String XML = """
            <?xml version="1.0"?>
            <!DOCTYPE target SYSTEM "gdb-target.dtd">
            <target version="1.0">
              <architecture>arm</architecture>
              <feature name="org.gnu.gdb.arm.core">
                <reg name="r0" bitsize="32" type="uint32"/>
                <reg name="r1" bitsize="32" type="uint32"/>
                <reg name="r2" bitsize="32" type="uint32"/>
                <reg name="r3" bitsize="32" type="uint32"/>
                <reg name="r4" bitsize="32" type="uint32"/>
                <reg name="r5" bitsize="32" type="uint32"/>
                <reg name="r6" bitsize="32" type="uint32"/>
                <reg name="r7" bitsize="32" type="uint32"/>
                <reg name="r8" bitsize="32" type="uint32"/>
                <reg name="r9" bitsize="32" type="uint32"/>
                <reg name="r10" bitsize="32" type="uint32"/>
                <reg name="r11" bitsize="32" type="uint32"/>
                <reg name="r12" bitsize="32" type="uint32"/>
                <reg name="sp" bitsize="32" type="data_ptr"/>
                <reg name="lr" bitsize="32"/>
                <reg name="pc" bitsize="32" type="code_ptr"/>
                <reg name="cpsr" bitsize="32"/>
              </feature>
            </target>
            """;

    static final int REGISTER_COUNT = 17;

    private TargetDescription() {}
}
