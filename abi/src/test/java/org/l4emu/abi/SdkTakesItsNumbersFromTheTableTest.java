package org.l4emu.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The guest SDK's hand-written headers and library define no ABI number of their own: they build
 * on the generated l4/abi.h. A literal mask, shift, hex value or numeric #define in their code
 * (comments and strings aside) is a second copy of a number the table holds.
 */
class SdkTakesItsNumbersFromTheTableTest {
    private static final Path SDK = Path.of("..", "guest-programs", "sdk");

    /** The SDK's own numbers, which are not the ABI's. */
    private static final Set<String> SDK_OWN = Set.of("L4_DOPE_TEXT_SIZE");

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NUMERIC_DEFINE = Pattern.compile("#define\\s+(L4_\\w+)\\s+\\(*(?:\\(\\w+\\))?\\s*\\d");
    private static final Pattern ENUM_VALUE = Pattern.compile("\\b(L4_\\w+)\\s*=\\s*\\d");
    /** A hex literal, or a literal shift or mask; a shift by the word's width (two words as one 64-bit value) aside. */
    private static final Pattern WORD_LITERAL = Pattern.compile("0x[0-9A-Fa-f]+|(?:<<|>>|&|\\|)\\s*(?!32\\b)\\d+u?\\b");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SDK)) {
            return files.filter(p -> p.toString().endsWith(".h") || p.toString().endsWith(".c")).sorted().toList();
        }
    }

    private static String code(Path file) throws IOException {
        String text = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
        return STRING.matcher(text).replaceAll("\"\"");
    }

    @Test
    @DisplayName("no SDK header or library file defines an ABI number or writes one as a literal")
    void noNumbersOfItsOwn() throws IOException {
        List<String> copies = new ArrayList<>();
        for (Path file : sources()) {
            String code = code(file);
            for (Pattern pattern : List.of(NUMERIC_DEFINE, ENUM_VALUE)) {
                Matcher matcher = pattern.matcher(code);
                while (matcher.find()) {
                    if (!SDK_OWN.contains(matcher.group(1))) {
                        copies.add(SDK.relativize(file) + ": " + matcher.group());
                    }
                }
            }
            Matcher literal = WORD_LITERAL.matcher(code);
            while (literal.find()) {
                copies.add(SDK.relativize(file) + ": " + literal.group());
            }
        }
        assertEquals(List.of(), copies, "numbers the SDK should take from l4/abi.h (the table, abi/.../Abi.java)");
    }

    @Test
    @DisplayName("the SDK's headers include the generated l4/abi.h")
    void includesTheGeneratedHeader() throws IOException {
        String all = String.join("\n", sources().stream().map(file -> {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        assertTrue(all.contains("#include <l4/abi.h>"));
        assertTrue(Files.notExists(SDK.resolve("include/l4/abi.h")), "l4/abi.h is generated, never checked in");
    }
}
