package org.l4emu.abi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The table says what docs/abi.md says: every number the document's tables give is read from the
 * document here and compared with {@link Abi}. Which row stands for which constant is this test's
 * knowledge (a name, never a number), so a constant changed in either place fails it.
 */
class DocumentedAbiTest {
    private static final AbiDocument DOC = AbiDocument.read();

    /** "31..16" or "15": the bits a row of a bit-layout table names. */
    private static BitField bits(String range) {
        String[] ends = range.split("\\.\\.");
        int high = Integer.parseInt(ends[0]);
        int low = ends.length == 1 ? high : Integer.parseInt(ends[1]);
        return new BitField(low, high - low + 1);
    }

    private static BitField bit(int value) {
        assertEquals(1, Integer.bitCount(value), () -> Integer.toHexString(value) + " is not one bit");
        return new BitField(Integer.numberOfTrailingZeros(value), 1);
    }

    /** Each doc row (by the start of its field text) lies where the table's field does. */
    private static void layout(AbiDocument.Table table, Map<String, BitField> fields) {
        List<Executable> checks = new ArrayList<>();
        fields.forEach((prefix, field) -> checks.add(() -> assertEquals(bits(table.rowWhere(1, prefix).getFirst()),
                field, () -> "the field '" + prefix + "' of " + table.header())));
        assertAll(checks);
    }

    private static int number(String cell) {
        String digits = cell.replace(",", "").replace("+", "").replaceAll("\\s.*$", "");
        return digits.startsWith("0x") ? Integer.parseUnsignedInt(digits.substring(2), 16) : Integer.parseInt(digits);
    }

    private static String unquoted(String cell) {
        return cell.replace("`", "");
    }

    /** Every row's code has the name the document gives it (cell {@code column}, up to a colon or parenthesis). */
    private static void names(AbiDocument.Table table, int column, IntFunction<String> nameOf) {
        List<Executable> checks = new ArrayList<>();
        for (List<String> row : table.rows()) {
            String documented = unquoted(row.get(column)).split("[:(]")[0].strip();
            if (!documented.equals("-")) {
                checks.add(() -> assertEquals(documented, nameOf.apply(number(row.getFirst())), () -> "code " + row));
            }
        }
        assertAll(checks);
    }

    @Test
    @DisplayName("1.2: the address space's fixed places")
    void addressSpace() {
        AbiDocument.Table table = DOC.table("### 1.2", "range", "what", "who owns it");
        String utcbArea = table.rowWhere(1, "the UTCB area").get(1);
        assertAll(
                () -> assertEquals("0x00001000 up", table.rowWhere(1, "ELF segments").getFirst()),
                () -> assertEquals(Abi.Layout.USER_BASE, 0x1000L),
                () -> assertEquals(table.rowWhere(1, "the kernel's range").getFirst(),
                        String.format(Locale.ROOT, "0x%08X-0xFFFFFFFF", Abi.Layout.USER_END)),
                () -> assertEquals(table.rowWhere(1, "the boot info page").getFirst(),
                        String.format(Locale.ROOT, "0x%08X-0xBFFFFFFF", Abi.Layout.BOOT_INFO)),
                () -> assertEquals(table.rowWhere(1, "the UTCB area").getFirst().split("-")[0],
                        String.format(Locale.ROOT, "0x%08X", Abi.Layout.UTCB_AREA)),
                () -> assertTrue(utcbArea.contains(String.format(Locale.ROOT, "0x%08X + %d·*i*", Abi.Layout.UTCB_AREA,
                        Abi.Layout.UTCB_SIZE)), utcbArea),
                () -> assertTrue(utcbArea.contains(String.format(Locale.ROOT, "(%,d slots)", Abi.Layout.UTCB_SLOTS)),
                        utcbArea),
                () -> assertTrue(DOC.section("### 1.2").contains(String.format(Locale.ROOT, "64 KiB stack (sp = 0x%08X ",
                        Abi.Layout.MAIN_STACK_TOP))),
                () -> assertEquals(64 * 1024, Abi.Layout.MAIN_STACK_SIZE),
                () -> assertEquals(4096, Abi.Layout.PAGE_SIZE));
    }

    @Test
    @DisplayName("2.1: thread IDs")
    void threadIds() {
        AbiDocument.Table layout = DOC.table("### 2.1", "bits", "field");
        layout(layout, Map.of("thread number", Abi.ThreadId.NUMBER, "version", Abi.ThreadId.VERSION));
        AbiDocument.Table ids = DOC.table("### 2.1", "ID", "meaning");
        assertAll(
                () -> assertTrue(ids.row(String.format(Locale.ROOT, "0x%08X", Abi.ThreadId.NIL)).get(1).startsWith("`nilthread`")),
                () -> assertTrue(ids.row(String.format(Locale.ROOT, "0x%08X", Abi.ThreadId.ANY)).get(1).startsWith("`anythread`")),
                () -> assertEquals(String.format(Locale.ROOT, "number %d, version %d (0x%08X)", Abi.ThreadId.SIGMA0_NUMBER,
                        Abi.ThreadId.FIRST_VERSION, Abi.ThreadId.SIGMA0), ids.rowWhere(1, "sigma0").getFirst()),
                () -> assertEquals("numbers " + Abi.ThreadId.FIRST_USER_NUMBER + " on",
                        ids.rowWhere(1, "the system's threads").getFirst()));
    }

    @Test
    @DisplayName("2.2: the boot info page's header and entries")
    void bootInfo() {
        AbiDocument.Table header = DOC.table("### 2.2", "offset", "size", "content");
        AbiDocument.Table entry = DOC.tableAfter("### 2.2", "Each entry:", "offset", "size", "content");
        assertAll(
                () -> assertEquals(Abi.BootInfo.MAGIC_OFFSET, number(header.rowWhere(2, "magic").getFirst())),
                () -> assertTrue(header.rowWhere(2, "magic").get(2)
                        .startsWith(String.format(Locale.ROOT, "magic 0x%08X", Abi.BootInfo.MAGIC))),
                () -> assertEquals(Abi.BootInfo.VERSION_OFFSET, number(header.rowWhere(2, "ABI version").getFirst())),
                () -> assertEquals("ABI version: " + Abi.BootInfo.ABI_VERSION, header.rowWhere(2, "ABI version").get(2)),
                () -> assertEquals(Abi.BootInfo.ARCH_OFFSET, number(header.rowWhere(2, "arch").getFirst())),
                () -> assertEquals("arch: " + Abi.Arch.ARM + " `arm`, " + Abi.Arch.X86 + " `x86`",
                        header.rowWhere(2, "arch").get(2)),
                () -> assertEquals(Abi.BootInfo.ENTRY_COUNT_OFFSET, number(header.rowWhere(2, "N, the number").getFirst())),
                () -> assertEquals(Abi.BootInfo.TICKS_OFFSET, number(header.rowWhere(2, "virtual clock ticks").getFirst())),
                () -> assertTrue(header.rowWhere(2, "virtual clock ticks").get(2)
                        .contains(Abi.Time.INSTRUCTIONS_PER_MICROSECOND + ", the instructions per µs")),
                () -> assertEquals(Abi.BootInfo.HEADER_SIZE, number(header.rowWhere(2, "N entries").getFirst())),
                () -> assertEquals(Abi.BootInfo.ENTRY_SIZE + "·N", header.rowWhere(2, "N entries").get(1)),
                () -> assertEquals(Abi.BootInfo.NAME_LENGTH, number(entry.rowWhere(2, "name").get(1))),
                () -> assertEquals(Abi.BootInfo.ENTRY_ID_OFFSET, number(entry.rowWhere(2, "thread ID").getFirst())),
                () -> assertEquals(Abi.BootInfo.ENTRY_FLAGS_OFFSET, number(entry.rowWhere(2, "flags").getFirst())),
                () -> assertTrue(entry.rowWhere(2, "flags").get(2).startsWith("flags: bit "
                        + bit(Abi.BootInfoFlag.MONITOR).shift() + " monitor")),
                () -> assertTrue(entry.rowWhere(2, "flags").get(2).endsWith("bit "
                        + bit(Abi.BootInfoFlag.PRIVILEGED).shift() + " privileged")),
                () -> assertTrue(DOC.section("### 2.2").contains(String.format(Locale.ROOT, "at most %,d entries",
                        Abi.BootInfo.MAX_ENTRIES))));
    }

    @Test
    @DisplayName("2.3: the UTCB's words and their names")
    void utcbWords() {
        AbiDocument.Table table = DOC.table("### 2.3", "word", "content", "written by");
        List<Executable> checks = new ArrayList<>();
        for (List<String> row : table.rows()) {
            String[] range = row.getFirst().split("-");
            int first = Integer.parseInt(range[0]);
            int last = Integer.parseInt(range[range.length - 1]);
            String content = row.get(1);
            if (content.startsWith("unused")) {
                for (int word = first; word <= last; word++) {
                    int unused = word;
                    checks.add(() -> assertNull(Abi.Utcb.name(unused), "word " + unused));
                }
            } else if (first == last) {
                String name = content.split("[:, (]")[0];
                checks.add(() -> assertEquals(name, Abi.Utcb.name(first), "word " + first));
            } else {
                String[] names = content.split("[:, ]")[0].split("-");
                String lastName = names[1].matches("\\d+") ? names[0].replaceAll("\\d+$", "") + names[1] : names[1];
                checks.add(() -> assertEquals(names[0], Abi.Utcb.name(first), "word " + first));
                checks.add(() -> assertEquals(lastName, Abi.Utcb.name(last), "word " + last));
            }
        }
        assertAll(checks);
        assertAll(
                () -> assertEquals("MR" + Abi.Registers.LAST_MR, Abi.Utcb.name(Abi.Utcb.MR0 + Abi.Registers.LAST_MR)),
                () -> assertEquals(Abi.Layout.UTCB_SIZE / Integer.BYTES, Integer.parseInt(table.rows().getLast()
                        .getFirst().split("-")[1]) + 1),
                () -> assertTrue(DOC.section("### 2.3").contains(Abi.Layout.UTCB_SIZE + "-byte, "
                        + Abi.Layout.UTCB_SIZE + "-byte-aligned")));
    }

    @Test
    @DisplayName("2.4: the message tag")
    void messageTag() {
        layout(DOC.table("### 2.4", "bits", "field"), Map.of("label", Abi.Tag.LABEL, "flags", Abi.Tag.FLAGS,
                "t:", Abi.Tag.TYPED, "u:", Abi.Tag.UNTYPED));
        String section = DOC.section("### 2.4");
        assertAll(
                () -> assertTrue(section.contains("bit " + bit(Abi.Tag.KERNEL_FLAG).shift()
                        + " marks a message the kernel generated")),
                () -> assertTrue(section.contains("u + t may\nbe at most " + Abi.Tag.MAX_WORDS)));
    }

    @Test
    @DisplayName("2.5: fpages, rights and typed items")
    void fpagesAndItems() {
        AbiDocument.Table fpage = DOC.table("### 2.5", "bits", "field");
        layout(fpage, Map.of("base", new BitField(Integer.numberOfTrailingZeros(Abi.Fpage.BASE_MASK),
                Integer.bitCount(Abi.Fpage.BASE_MASK)), "s = log2", Abi.Fpage.SIZE, "rights", Abi.Fpage.RIGHTS));
        AbiDocument.Table item = DOC.table("### 2.5", "word", "bits", "field");
        assertAll(
                () -> assertEquals(String.format(Locale.ROOT, "s = log2 of the size, %d (4 KiB) to %d (the whole 4 GiB"
                        + " space); %d = the nil fpage", Abi.Fpage.MIN_LOG2, Abi.Fpage.MAX_LOG2, Abi.Fpage.NIL),
                        fpage.rowWhere(1, "s = log2").get(1)),
                () -> assertEquals(String.format(Locale.ROOT, "rights: bit %d r, bit %d w, bit %d x", bit(Abi.Rights.R).shift(),
                        bit(Abi.Rights.W).shift(), bit(Abi.Rights.X).shift()), fpage.rowWhere(1, "rights").get(1)),
                () -> assertEquals(bits(item.rowWhere(2, "type").get(1)), Abi.TypedItem.TYPE),
                () -> assertTrue(item.rowWhere(2, "type").get(2).startsWith("type: " + Abi.ItemType.MAP + " map, "
                        + Abi.ItemType.GRANT + " grant")),
                () -> assertEquals(Abi.TypedItem.SEND_BASE_MASK, bits(item.rowWhere(2, "send base").get(1)).bits()),
                () -> assertEquals(String.valueOf(Abi.TypedItem.WORDS - 1), item.rowWhere(2, "the fpage").getFirst()));
    }

    @Test
    @DisplayName("2.6: virtual time")
    void virtualTime() {
        AbiDocument.Table table = DOC.table("### 2.6", "quantity", "value");
        assertAll(
                () -> assertTrue(table.rowWhere(0, "one retired guest instruction").get(1)
                        .startsWith(Abi.Time.NANOS_PER_INSTRUCTION + " ns")),
                () -> assertTrue(table.rowWhere(0, "one kernel entry").get(1).startsWith(Abi.Time.NANOS_PER_SYSCALL + " ns")),
                () -> assertTrue(table.rowWhere(0, "time slice").get(1).contains(String.format(Locale.ROOT,
                        "(%,d instructions)", Abi.Time.TIME_SLICE_INSTRUCTIONS))),
                () -> assertTrue(DOC.section("### 2.6").contains(String.format(Locale.ROOT, "(default %d, the `priority`",
                        Abi.Description.DEFAULT_PRIORITY))));
    }

    @Test
    @DisplayName("3: system call numbers, names and arguments")
    void systemCalls() {
        AbiDocument.Table table = DOC.table("## 3.", "no.", "name", "arguments", "results");
        names(table, 1, Abi.Syscall::name);
        List<Executable> checks = new ArrayList<>();
        for (List<String> row : table.rows()) {
            int count = row.get(2).equals("-") ? 0 : row.get(2).split(",").length;
            checks.add(() -> assertEquals(count, Abi.Syscall.argumentCount(number(row.getFirst())), row.get(1)));
        }
        assertAll(checks);
        assertNull(Abi.Syscall.name(table.rows().size()));
    }

    @Test
    @DisplayName("3.1: error codes and their names")
    void errorCodes() {
        AbiDocument.Table table = DOC.table("### 3.1", "code", "name", "meaning");
        names(table, 1, Abi.ErrorCode::name);
        assertAll(
                () -> assertEquals(Abi.ErrorCode.NONE, number(table.row("0").getFirst())),
                () -> assertNull(Abi.ErrorCode.name(table.rows().size())));
    }

    @Test
    @DisplayName("3.2: timeouts, the send descriptor, options, the parameter block and the dope")
    void ipc() {
        layout(DOC.tableAfter("### 3.2", "**Timeouts.**", "bits", "field"), Map.of("must be 0", bit(Abi.Timeouts.RESERVED_BIT),
                "e", Abi.Timeouts.EXPONENT, "m", Abi.Timeouts.MANTISSA));
        layout(DOC.tableAfter("### 3.2", "**The send descriptor.**", "bits", "field"), Map.of(
                "address of the 16-byte", new BitField(Integer.numberOfTrailingZeros(Abi.SendDescriptor.BLOCK_MASK),
                        Integer.bitCount(Abi.SendDescriptor.BLOCK_MASK)),
                "option code", Abi.SendDescriptor.OPTION, "O:", bit(Abi.SendDescriptor.OPTION_BIT)));
        layout(DOC.tableAfter("### 3.2", "**Results.**", "bits", "field"), Map.of("O:", bit(Abi.Dope.OPTION_BIT),
                "the option code", Abi.Dope.OPTION, "R:", Abi.Dope.REDIRECTED, "D:", Abi.Dope.DECEIT,
                "error code", Abi.Dope.ERROR, "error phase", Abi.Dope.PHASE));
        AbiDocument.Table block = DOC.tableAfter("### 3.2", "**The IPC parameter block**", "offset", "field");
        AbiDocument.Table options = DOC.tableAfter("### 3.2", "**Options**", "code", "option", "sent to", "parameter block");
        String section = DOC.section("### 3.2");
        assertAll(
                () -> assertTrue(section.contains("timeouts | send timeout << " + Abi.Timeouts.SEND.shift()
                        + " \\| receive timeout")),
                () -> assertTrue(section.contains(String.format(Locale.ROOT, "m = 0 (0x%04X, the SDK's\n`L4_TIMEOUT_ZERO`)",
                        Abi.Timeouts.ZERO))),
                () -> assertTrue(section.contains("error phase: " + Abi.Phase.SEND + " send, " + Abi.Phase.RECEIVE
                        + " receive")),
                () -> assertEquals(Abi.ParameterBlock.TRUE_SOURCE_OFFSET, number(block.rowWhere(1, "true source").getFirst())),
                () -> assertEquals(Abi.ParameterBlock.BLOCKED_SOURCE_OFFSET,
                        number(block.rowWhere(1, "blocked source").getFirst())),
                () -> assertEquals(Abi.ParameterBlock.CONTROLLING_MONITOR_OFFSET,
                        number(block.rowWhere(1, "controlling monitor").getFirst())),
                () -> assertEquals(Abi.ParameterBlock.DELAY_TIMEOUT_OFFSET,
                        number(block.rowWhere(1, "delay timeout").getFirst())),
                () -> assertTrue(section.contains("**The IPC parameter block** (" + Abi.ParameterBlock.SIZE + " bytes")),
                () -> assertTrue(section.contains(String.format(Locale.ROOT, "arrive with dope 0x%X", Abi.Dope.NOTIFICATION))));
        List<Executable> checks = new ArrayList<>();
        for (List<String> row : options.rows()) {
            int code = number(row.getFirst());
            String documented = row.get(1).toUpperCase(Locale.ROOT).replace(" SEND", "").replace(" WITH", "")
                    .replace(' ', '_');
            checks.add(() -> assertEquals(documented.equals("OPTIONS_5_AND_6")
                    ? "DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR" : documented, constantNamed(Abi.Option.class, code)));
            checks.add(() -> assertEquals(row.get(3).contains("blocked source"), Abi.Option.namesBlockedSource(code)));
            checks.add(() -> assertEquals(row.get(3).contains("controlling monitor"),
                    Abi.Option.namesControllingMonitor(code)));
            checks.add(() -> assertEquals(row.get(3).startsWith("true source"), Abi.Option.isDeceit(code)));
        }
        assertAll(checks);
    }

    @Test
    @DisplayName("3.3: the kernel's messages and the exception codes")
    void kernelMessages() {
        AbiDocument.Table pageFault = DOC.tableAfter("### 3.3", "**Page fault**", "MR", "content");
        AbiDocument.Table exception = DOC.tableAfter("### 3.3", "**Exception**", "MR", "content");
        AbiDocument.Table codes = DOC.table("### 3.3", "code", "exception", "arm", "x86");
        AbiDocument.Table notification = DOC.tableAfter("### 3.3", "**Controller notification**", "MR", "content");
        names(codes, 1, Abi.ExceptionCode::name);
        String kernelFlag = "flag bit " + bit(Abi.Tag.KERNEL_FLAG).shift();
        assertAll(
                () -> assertEquals(String.format(Locale.ROOT, "label 0x%X | the access that faulted (%d read, %d write, %d"
                        + " execute), %s, u = %d, t = 0", Abi.PageFault.LABEL, Abi.Rights.R, Abi.Rights.W, Abi.Rights.X,
                        kernelFlag, Abi.PageFault.WORDS), pageFault.row("0").get(1)),
                () -> assertEquals(Abi.Rights.RWX, Abi.PageFault.ACCESS_MASK),
                () -> assertEquals("fault address", pageFault.row(String.valueOf(Abi.PageFault.ADDRESS_MR)).get(1)),
                () -> assertEquals("fault ip", pageFault.row(String.valueOf(Abi.PageFault.IP_MR)).get(1)),
                () -> assertEquals(String.format(Locale.ROOT, "label 0x%X, %s, u = %d, t = 0", Abi.ExceptionMessage.LABEL,
                        kernelFlag, Abi.ExceptionMessage.WORDS), exception.row("0").get(1)),
                () -> assertTrue(exception.row(String.valueOf(Abi.ExceptionMessage.IP_MR)).get(1).startsWith("ip of")),
                () -> assertEquals("sp", exception.row(String.valueOf(Abi.ExceptionMessage.SP_MR)).get(1)),
                () -> assertTrue(exception.row(String.valueOf(Abi.ExceptionMessage.CODE_MR)).get(1)
                        .startsWith("exception code")),
                () -> assertTrue(exception.row(String.valueOf(Abi.ExceptionMessage.ADDRESS_MR)).get(1)
                        .startsWith("the address concerned")),
                () -> assertTrue(DOC.section("### 3.3").contains("A reply with at least two untyped words resumes")),
                () -> assertEquals(2, Abi.ExceptionMessage.RESUME_WORDS),
                () -> assertEquals(String.format(Locale.ROOT, "0x%X: label 0, %s, u = %d, t = 0", Abi.Notification.TAG,
                        kernelFlag, Abi.Notification.WORDS), notification.row("0").get(1)),
                () -> assertEquals("blocked source",
                        notification.row(String.valueOf(Abi.Notification.BLOCKED_SOURCE_MR)).get(1)),
                () -> assertTrue(notification.row(String.valueOf(Abi.Notification.TRUE_SOURCE_MR)).get(1)
                        .startsWith("true source")),
                () -> assertEquals("final receiver",
                        notification.row(String.valueOf(Abi.Notification.FINAL_RECEIVER_MR)).get(1)),
                () -> assertTrue(notification.row(String.valueOf(Abi.Notification.ERROR_MR)).get(1)
                        .endsWith("the error code the source would get")),
                () -> assertTrue(DOC.section("### 3.3").contains(String.format(Locale.ROOT, "dope 0x%X, delivered",
                        Abi.Dope.NOTIFICATION))));
    }

    @Test
    @DisplayName("3.4-3.10: kdebug, exchange_registers, unmap and redirect")
    void otherCalls() {
        AbiDocument.Table kdebug = DOC.table("### 3.4", "op", "name", "effect");
        AbiDocument.Table control = DOC.table("### 3.7", "control bit", "effect");
        AbiDocument.Table op = DOC.table("### 3.10", "op bits", "meaning");
        List<Executable> checks = new ArrayList<>();
        for (List<String> row : kdebug.rows()) {
            checks.add(() -> assertTrue(constantNamed(Abi.KdebugOp.class, number(row.getFirst()))
                    .startsWith(row.get(1).toUpperCase(Locale.ROOT)), row.toString()));
        }
        for (List<String> row : control.rows()) {
            String first = row.get(1).split("[ :]")[0].toUpperCase(Locale.ROOT);
            checks.add(() -> assertTrue(constantNamed(Abi.ExchangeRegisters.class, 1 << number(row.getFirst()))
                    .startsWith(first), row.toString()));
        }
        assertAll(checks);
        assertAll(
                () -> assertTrue(kdebug.rowWhere(1, "shutdown").get(2).contains("a & 0x"
                        + Integer.toHexString(Abi.ExitCode.SHUTDOWN_MASK).toUpperCase(Locale.ROOT))),
                () -> assertTrue(DOC.section("### 3.4").contains("a write of\nmore than 64 KiB")),
                () -> assertEquals(64 * 1024, Abi.Kdebug.MAX_WRITE),
                () -> assertTrue(DOC.section("### 3.9").contains("Flag bit " + bit(Abi.Unmap.ALSO_OWN).shift()
                        + " revokes them from the caller's\nown pages too")),
                () -> assertEquals(bits(op.rowWhere(1, Abi.RedirectAction.ADD + " add").getFirst()), Abi.RedirectOp.ACTION),
                () -> assertTrue(op.rowWhere(1, Abi.RedirectAction.ADD + " add").get(1)
                        .contains(Abi.RedirectAction.REMOVE + " remove")),
                () -> assertEquals(bits(op.rowWhere(1, "the monitor's class").getFirst()), Abi.RedirectOp.CLASS),
                () -> assertEquals(String.format(Locale.ROOT, "the monitor's class for add: %d %s, %d %s, %d %s",
                        Abi.MonitorClass.SOURCE, Abi.MonitorClass.name(Abi.MonitorClass.SOURCE), Abi.MonitorClass.SYSTEM,
                        Abi.MonitorClass.name(Abi.MonitorClass.SYSTEM), Abi.MonitorClass.DESTINATION,
                        Abi.MonitorClass.name(Abi.MonitorClass.DESTINATION)), op.rowWhere(1, "the monitor's class").get(1)));
    }

    @Test
    @DisplayName("4.2: a description's defaults and limits")
    void descriptionDefaults() {
        AbiDocument.Table table = DOC.table("### 4.2", "element", "attribute", "required", "meaning", "default");
        assertAll(
                () -> assertEquals(String.format(Locale.ROOT, "%,d (60 s)", Abi.Description.DEFAULT_MAX_TIME_US),
                        table.rowWhere(1, "`max-time-us`").get(4)),
                () -> assertEquals("0-" + Abi.Description.MAX_PRIORITY, table.rowWhere(1, "`priority`").get(3)),
                () -> assertEquals(String.valueOf(Abi.Description.DEFAULT_PRIORITY), table.rowWhere(1, "`priority`").get(4)),
                () -> assertEquals(String.valueOf(Abi.Description.DEFAULT_MAX_THREADS),
                        table.rowWhere(1, "`max-threads`").get(4)),
                () -> assertEquals(String.valueOf(Abi.Description.DEFAULT_MAX_MAPPINGS),
                        table.rowWhere(1, "`max-mappings`").get(4)),
                () -> assertEquals(String.valueOf(Abi.Description.DEFAULT_MAX_NOTIFICATIONS),
                        table.rowWhere(1, "`max-notifications`").get(4)),
                () -> assertTrue(table.rowWhere(1, "`max-threads`").get(3)
                        .endsWith(String.format(Locale.ROOT, "1 to %,d", Abi.Description.MAX_QUOTA))),
                () -> assertEquals(String.valueOf(Abi.Description.DEFAULT_STACK_SIZE), table.rowWhere(1, "`stack`").get(4)),
                () -> assertTrue(table.rowWhere(1, "`stack`").get(3)
                        .contains("rounded up to pages")));
    }

    @Test
    @DisplayName("4.6: the exit codes of l4emu boot")
    void exitCodes() {
        AbiDocument.Table table = DOC.table("### 4.6", "exit code", "when");
        assertAll(
                () -> assertTrue(table.row(String.valueOf(Abi.ExitCode.ALL_EXITED)).get(1).startsWith("every thread has ended")),
                () -> assertTrue(table.row(String.valueOf(Abi.ExitCode.BAD_INPUT)).get(1).startsWith("bad input")),
                () -> assertTrue(table.row(String.valueOf(Abi.ExitCode.DEADLOCK)).get(1).startsWith("deadlock")),
                () -> assertTrue(table.row(String.valueOf(Abi.ExitCode.UNHANDLED_FAULT)).get(1)
                        .startsWith("a fault nothing resolved")),
                () -> assertTrue(table.row(String.valueOf(Abi.ExitCode.LIMIT_REACHED)).get(1)
                        .startsWith("the virtual-time or instruction limit")),
                () -> assertTrue(DOC.section("### 4.6").contains("the exit code is " + Abi.ExitCode.INTERNAL_ERROR)),
                () -> assertTrue(DOC.section("### 4.5").contains("exits with " + Abi.ExitCode.BAD_INPUT)));
    }

    /** The name of the constant of {@code group} whose value is {@code value}. */
    private static String constantNamed(Class<?> group, int value) {
        for (var field : group.getFields()) {
            try {
                if (field.getType() == int.class && field.getInt(null) == value) {
                    return field.getName();
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(group.getSimpleName() + " has no constant " + value);
    }
}
