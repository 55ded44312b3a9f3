package org.l4emu.kernel.system;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JDK parser's well-formedness and schema messages (English, see
 * {@link ValidatingXmlReader}) into short readable ones. A message it does not recognise is
 * kept, minus the schema rule code.
 */
final class SchemaMessages {
    private record Rewrite(Pattern pattern, Function<Matcher, String> replacement) {}

    /** What each simple type of system.xsd accepts, by the type name Xerces quotes. */
    private static final Map<String, String> EXPECTED_VALUES = Map.ofEntries(
            Map.entry("arch", "arm or x86"),
            Map.entry("monitorClass", "source, system or destination"),
            Map.entry("name", "a name of letters, digits, '_' and '-'"),
            Map.entry("systemName", "a non-empty name"),
            Map.entry("taskOrAny", "a task name or '*'"),
            Map.entry("threadReference", "'task' or 'task.thread'"),
            Map.entry("number", "a decimal or 0x-prefixed hexadecimal number"),
            Map.entry("entry", "a symbol or a 0x-prefixed hexadecimal address"),
            Map.entry("perms", "r, w and x in that order, such as rw or rx"),
            Map.entry("priority", "a number from 0 to 255"),
            Map.entry("path", "a file name"),
            Map.entry("boolean", "true or false"));

    private static final List<Rewrite> REWRITES = List.of(
            rewrite("cvc-attribute\\.3: The value '(.*)' of attribute '(.+?)' on element '(.+?)' is not valid"
                            + " with respect to its type, '(.+?)'\\.",
                    m -> "invalid " + m.group(2) + " '" + m.group(1) + "' on <" + m.group(3) + ">: expected "
                            + EXPECTED_VALUES.getOrDefault(m.group(4), "a value of type " + m.group(4))),
            rewrite("cvc-complex-type\\.4: Attribute '(.+?)' must appear on element '(.+?)'\\.",
                    m -> "<" + m.group(2) + "> is missing the attribute '" + m.group(1) + "'"),
            rewrite("cvc-complex-type\\.3\\.2\\.2: Attribute '(.+?)' is not allowed to appear in element '(.+?)'\\.",
                    m -> "<" + m.group(2) + "> has no attribute '" + m.group(1) + "'"),
            rewrite("cvc-complex-type\\.2\\.4\\.a: Invalid content was found starting with element '(.+?)'\\."
                            + " One of '\\{(.+)\\}' is expected\\.",
                    m -> "unexpected element <" + m.group(1) + "> (expected " + elementList(m.group(2)) + ")"),
            rewrite("cvc-complex-type\\.2\\.4\\.d: Invalid content was found starting with element '(.+?)'\\..*",
                    m -> "unexpected element <" + m.group(1) + ">"),
            rewrite("cvc-complex-type\\.2\\.1: Element '(.+?)' must have no character or element information item.*",
                    m -> "<" + m.group(1) + "> must be empty"),
            rewrite("cvc-complex-type\\.2\\.3: Element '(.+?)' cannot have character.*",
                    m -> "<" + m.group(1) + "> must not contain text"),
            rewrite("cvc-elt\\.1\\.a: Cannot find the declaration of element '(.+?)'\\.",
                    m -> "the document element must be <system>, not <" + m.group(1) + ">"),
            rewrite("DOCTYPE is disallowed.*",
                    m -> "DOCTYPE declarations are not allowed"),
            rewrite("cvc-[\\w.-]+: (.*)",
                    m -> m.group(1)));

    private SchemaMessages() {}

    /**
     * True for a message that only says which facet of a type a value broke. Xerces follows it
     * with a cvc-attribute.3 message naming the attribute, which reads better.
     */
    static boolean isFacetDetail(String message) {
        return message != null && (message.startsWith("cvc-pattern-valid")
                || message.startsWith("cvc-enumeration-valid")
                || message.startsWith("cvc-minLength-valid")
                || message.startsWith("cvc-datatype-valid"));
    }

    /** True for a schema violation, false for a well-formedness error. */
    static boolean isSchemaViolation(String message) {
        return message != null && message.startsWith("cvc-");
    }

    static String readable(String message) {
        if (message == null) {
            return "unreadable XML";
        }
        for (Rewrite rewrite : REWRITES) {
            Matcher matcher = rewrite.pattern().matcher(message);
            if (matcher.matches()) {
                return rewrite.replacement().apply(matcher);
            }
        }
        return "malformed XML: " + decapitalize(message.replaceFirst("\\.$", ""));
    }

    private static Rewrite rewrite(String regex, Function<Matcher, String> replacement) {
        return new Rewrite(Pattern.compile(regex, Pattern.DOTALL), replacement);
    }

    /** "{task, shared}" as "<task> or <shared>". */
    private static String elementList(String names) {
        List<String> elements = Pattern.compile(",\\s*").splitAsStream(names)
                .map(name -> "<" + name.replace("\"\":", "") + ">")
                .toList();
        if (elements.size() == 1) {
            return elements.getFirst();
        }
        return String.join(", ", elements.subList(0, elements.size() - 1)) + " or " + elements.getLast();
    }

    private static String decapitalize(String text) {
        boolean sentence = text.length() > 1 && Character.isUpperCase(text.charAt(0))
                && Character.isLowerCase(text.charAt(1));
        return sentence ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }
}
