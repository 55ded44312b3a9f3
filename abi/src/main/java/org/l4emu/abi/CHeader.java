package org.l4emu.abi;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the guest SDK's {@code l4/abi.h} from {@link Abi}: each group's constants as #defines
 * or as the C enum its {@link C.Group} names. The guest build runs it from source ({@code make}
 * calls {@code java abi/src/main/java/org/l4emu/abi/CHeader.java FILE}), so the header is made
 * whenever the table changes and C and Java cannot disagree.
 *
 * <p>Counts, indices, offsets and shifts are {@code int} in C; every other value is a 32-bit word,
 * {@code unsigned} (suffix {@code u}), as the SDK has always typed them. A name says which: its last
 * word is one of {@link #COUNT_WORDS}.
 */
public final class CHeader {
    static final Set<String> COUNT_WORDS = Set.of("MR", "COUNT", "LOG2", "LENGTH", "OFFSET", "WORDS", "BITS", "SHIFT",
            "SLOTS", "ENTRIES", "NUMBER", "VERSION", "INSTRUCTIONS");

    private CHeader() {}

    public static void main(String[] arguments) throws IOException {
        if (arguments.length != 1) {
            System.err.println("usage: java CHeader.java OUTPUT.h");
            System.exit(Abi.ExitCode.BAD_INPUT);
        }
        Path output = Path.of(arguments[0]);
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".abi", ".h");
        Files.writeString(temporary, text(), StandardCharsets.UTF_8);
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The whole header. */
    public static String text() {
        StringBuilder out = new StringBuilder();
        out.append("/* Generated from abi/src/main/java/org/l4emu/abi/Abi.java by CHeader.java: do not edit.\n")
                .append("   The guest ABI's numbers (docs/abi.md, by section); the SDK's headers build on them. */\n")
                .append("#ifndef L4_ABI_H\n#define L4_ABI_H\n");
        for (Class<?> group : groups()) {
            out.append('\n');
            group(out, group);
        }
        return out.append("\n#endif\n").toString();
    }

    /** The groups of the table in the order of docs/abi.md's sections. */
    static List<Class<?>> groups() {
        return Arrays.stream(Abi.class.getDeclaredClasses())
                .filter(type -> type.isAnnotationPresent(C.Group.class))
                .sorted(Comparator.comparing((Class<?> type) -> sectionKey(type.getAnnotation(C.Group.class).section()))
                        .thenComparing(Class::getSimpleName))
                .<Class<?>>map(type -> type)
                .toList();
    }

    private static String sectionKey(String section) {
        StringBuilder key = new StringBuilder();
        for (String part : section.split("\\.")) {
            key.append(String.format(Locale.ROOT, "%04d.", Integer.parseInt(part)));
        }
        return key.toString();
    }

    private static void group(StringBuilder out, Class<?> group) {
        C.Group spec = group.getAnnotation(C.Group.class);
        List<Constant> constants = constants(group, spec);
        out.append("/* ").append(spec.section()).append(' ').append(group.getSimpleName()).append(" */\n");
        if (spec.enumTag().isEmpty()) {
            for (Constant constant : constants) {
                out.append("#define ").append(constant.name).append(' ').append(constant.literal()).append('\n');
            }
        } else {
            out.append("enum ").append(spec.enumTag()).append(" {\n");
            for (Constant constant : constants) {
                out.append("    ").append(constant.name).append(" = ").append(constant.value).append(",\n");
            }
            out.append("};\n");
        }
        if (!spec.namesMacro().isEmpty()) {
            names(out, group, spec, constants);
        }
    }

    /** An array initializer of the names, indexed by the constants: {@code { [L4_ERROR_NONE] = "no error", ... }}. */
    private static void names(StringBuilder out, Class<?> group, C.Group spec, List<Constant> constants) {
        Method name = method(group, "name");
        List<String> entries = new ArrayList<>();
        for (Constant constant : constants) {
            entries.add("[" + constant.name + "] = \"" + invoke(name, (int) constant.value) + "\"");
        }
        out.append("#define ").append(spec.namesMacro()).append(" { \\\n    ")
                .append(String.join(", \\\n    ", entries)).append(" }\n");
    }

    /** The group's constants, a bit field's three together, in the order of their values (of its bits, for a field). */
    private static List<Constant> constants(Class<?> group, C.Group spec) {
        List<List<Constant>> entries = new ArrayList<>();
        for (Field field : group.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)) {
                C.Name rename = field.getAnnotation(C.Name.class);
                entries.add(entry(rename != null ? rename.value() : spec.prefix() + field.getName(), read(field)));
            }
        }
        entries.sort(Comparator.comparingLong((List<Constant> entry) -> entry.getFirst().order)
                .thenComparing(entry -> entry.getFirst().name));
        List<Constant> constants = entries.stream().flatMap(List::stream).toList();
        if (!spec.enumTag().isEmpty() && constants.stream().anyMatch(c -> c.value < 0 || c.value > Integer.MAX_VALUE)) {
            throw new IllegalStateException(group.getSimpleName() + ": a C enum holds only values of an int");
        }
        return constants;
    }

    private static List<Constant> entry(String name, Object value) {
        return switch (value) {
            case BitField bits -> {
                long order = Integer.toUnsignedLong(bits.bits());
                yield List.of(new Constant(name + "_SHIFT", bits.shift(), Kind.COUNT, order),
                        new Constant(name + "_BITS", bits.width(), Kind.COUNT, order),
                        new Constant(name + "_MASK", Integer.toUnsignedLong(bits.mask()), Kind.MASK, order));
            }
            case Integer number -> List.of(isWord(name)
                    ? new Constant(name, Integer.toUnsignedLong(number), Kind.WORD, Integer.toUnsignedLong(number))
                    : new Constant(name, number, Kind.COUNT, number));
            case Long number -> List.of(new Constant(name, number, isWord(name) ? Kind.WORD : Kind.COUNT, number));
            default -> throw new IllegalStateException(name + " is neither a number nor a bit field");
        };
    }

    static boolean isWord(String name) {
        return !COUNT_WORDS.contains(name.substring(name.lastIndexOf('_') + 1));
    }

    private static Object read(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method method(Class<?> group, String name) {
        try {
            return group.getMethod(name, int.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(group.getSimpleName() + " has a names macro but no " + name + "(int)", e);
        }
    }

    private static Object invoke(Method method, int argument) {
        try {
            return method.invoke(null, argument);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Kind {
        COUNT,
        WORD,
        MASK
    }

    private record Constant(String name, long value, Kind kind, long order) {
        String literal() {
            return switch (kind) {
                case COUNT -> Long.toString(value);
                case WORD -> (value < 0x1000 ? Long.toString(value) : hex()) + "u";
                case MASK -> hex() + "u";
            };
        }

        private String hex() {
            return String.format(Locale.ROOT, "0x%X", value);
        }
    }
}
