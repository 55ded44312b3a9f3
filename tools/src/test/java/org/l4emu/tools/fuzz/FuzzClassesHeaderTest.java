package org.l4emu.tools.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.system.RedirectSpec;

/**
 * The guest fuzzer and the host agree: the classes and oracles of fuzz_classes.h are those of
 * AttackClass and GuestOracle, in the same order, with the same report mark, and the rules the
 * guests know (fuzz_world.c) are those FuzzSystem writes into the description.
 */
class FuzzClassesHeaderTest {
    private static final Path COMMON = Path.of("..", "guest-programs", "src", "common");

    private static List<String> constants(String source, String prefix) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\b" + prefix + "([A-Z_0-9]+)\\b").matcher(source);
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    @Test
    @DisplayName("fuzz_classes.h lists AttackClass and GuestOracle in their order, with the same mark")
    void classesAndOracles() throws IOException {
        String header = Files.readString(COMMON.resolve("fuzz_classes.h"));
        List<String> classes = constants(header, "FUZZ_CLASS_");
        assertEquals(Arrays.stream(AttackClass.values()).map(Enum::name).toList(),
                classes.subList(0, AttackClass.values().length));
        assertEquals("COUNT", classes.get(AttackClass.values().length));
        assertEquals(Arrays.stream(GuestOracle.values()).map(Enum::name).toList(),
                constants(header, "FUZZ_ORACLE_").stream().filter(n -> !n.startsWith("MAGIC")).toList());
        assertTrue(header.contains("FUZZ_ORACLE_MY_GLOBAL_ID = 1"), "oracle numbers start at 1");
        assertTrue(header.contains(String.format("#define FUZZ_ORACLE_MAGIC 0x%08Xu", GuestOracle.MAGIC)), header);
    }

    @Test
    @DisplayName("the redirect rules fuzz_world.c knows are the description's")
    void staticRules() throws IOException {
        String world = Files.readString(COMMON.resolve("fuzz_world.c"));
        List<String> redirects = new ArrayList<>();
        Matcher redirect = Pattern.compile("\\{ (\"[^\"]+\"|ANY_TASK), (\"[^\"]+\"|ANY_TASK), \"([^\"]+)\" \\}")
                .matcher(world);
        while (redirect.find()) {
            redirects.add(name(redirect.group(1)) + ">" + name(redirect.group(2)) + ":" + redirect.group(3));
        }
        assertEquals(FuzzSystem.REDIRECTS.stream().map(r -> r.source() + ">" + r.dest() + ":" + r.monitor()).toList(),
                redirects);
    }

    private static String name(String literal) {
        return literal.equals("ANY_TASK") ? RedirectSpec.ANY_TASK : literal.substring(1, literal.length() - 1);
    }
}
