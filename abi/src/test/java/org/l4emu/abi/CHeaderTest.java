package org.l4emu.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The generated l4/abi.h holds every constant of the table, once, under its C name, with its value. */
class CHeaderTest {
    private static final Pattern DEFINE = Pattern.compile("^#define (L4_\\w+) (\\d+|0x[0-9A-F]+)u?$", Pattern.MULTILINE);
    private static final Pattern ENUMERATOR = Pattern.compile("^    (L4_\\w+) = (\\d+),$", Pattern.MULTILINE);

    /** Every C name of the header and its value. */
    private static Map<String, Long> constants(String header) {
        Map<String, Long> constants = new HashMap<>();
        for (Pattern pattern : List.of(DEFINE, ENUMERATOR)) {
            Matcher matcher = pattern.matcher(header);
            while (matcher.find()) {
                String literal = matcher.group(2);
                long value = literal.startsWith("0x") ? Long.parseLong(literal.substring(2), 16) : Long.parseLong(literal);
                Long earlier = constants.put(matcher.group(1), value);
                assertEquals(null, earlier, () -> matcher.group(1) + " is defined twice");
            }
        }
        return constants;
    }

    private static String cName(Class<?> group, Field field) {
        C.Name name = field.getAnnotation(C.Name.class);
        return name != null ? name.value() : group.getAnnotation(C.Group.class).prefix() + field.getName();
    }

    @Test
    @DisplayName("every constant of every group, with its value; bit fields as shift, width and mask")
    void everyConstant() throws IllegalAccessException {
        Map<String, Long> header = constants(CHeader.text());
        List<String> wrong = new ArrayList<>();
        for (Class<?> group : Abi.class.getDeclaredClasses()) {
            assertTrue(group.isAnnotationPresent(C.Group.class), group + " has no C.Group: it would be left out");
            for (Field field : group.getDeclaredFields()) {
                if (!Modifier.isPublic(field.getModifiers())) {
                    continue;
                }
                String name = cName(group, field);
                Map<String, Long> expected = new HashMap<>();
                switch (field.get(null)) {
                    case BitField bits -> {
                        expected.put(name + "_SHIFT", (long) bits.shift());
                        expected.put(name + "_BITS", (long) bits.width());
                        expected.put(name + "_MASK", Integer.toUnsignedLong(bits.mask()));
                    }
                    case Integer value -> expected.put(name, CHeader.isWord(name) ? Integer.toUnsignedLong(value) : value);
                    case Long value -> expected.put(name, value);
                    default -> wrong.add(name + " has a type the header cannot hold");
                }
                expected.forEach((cName, value) -> {
                    if (!value.equals(header.get(cName))) {
                        wrong.add(cName + " = " + header.get(cName) + ", the table says " + value);
                    }
                });
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    @DisplayName("the names of the error codes, indexed by code")
    void errorNames() {
        String text = CHeader.text();
        for (int code = Abi.ErrorCode.NONE; code <= Abi.ErrorCode.INVALID_ARGUMENT; code++) {
            assertTrue(text.contains("] = \"" + Abi.ErrorCode.name(code) + "\""), Abi.ErrorCode.name(code));
        }
        assertTrue(text.contains("#define L4_ERROR_NAMES { \\\n    [L4_ERROR_NONE] = \"no error\""));
    }

    @Test
    @DisplayName("the same text every time: groups in section order, constants by value")
    void deterministic() {
        String text = CHeader.text();
        assertEquals(text, CHeader.text());
        assertTrue(text.indexOf("/* 1.2 Layout */") < text.indexOf("/* 2.1 ThreadId */"));
        assertTrue(text.indexOf("/* 3.9 Unmap */") < text.indexOf("/* 3.10 MonitorClass */"));
        assertTrue(text.indexOf("L4_TAG_UNTYPED_SHIFT") < text.indexOf("L4_TAG_LABEL_SHIFT"));
    }

    @Test
    @DisplayName("counts, indices and offsets are ints; every other value an unsigned word")
    void signedness() {
        String text = CHeader.text();
        assertTrue(text.contains("#define L4_MSG_MAX_WORDS 63\n"));
        assertTrue(text.contains("#define L4_PAGE_FAULT_ADDRESS_MR 1\n"));
        assertTrue(text.contains("#define L4_BOOTINFO_ADDRESS 0xBFFF0000u\n"));
        assertTrue(text.contains("#define L4_NILTHREAD 0u\n"));
        assertTrue(text.contains("#define L4_TAG_LABEL_MASK 0xFFFFu\n"));
        assertFalse(CHeader.isWord("L4_BOOTINFO_ARCH_OFFSET"));
        assertTrue(CHeader.isWord("L4_PAGE_SIZE"));
    }
}
