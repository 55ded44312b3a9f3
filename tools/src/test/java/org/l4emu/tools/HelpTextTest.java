package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help reads as written: picocli prints each description element as its own
 * paragraph, wrapped at 80 columns, so an element must be a whole paragraph (a sentence, or a
 * heading ending in a colon), and an indented element (a list item or an example) must fit on
 * one line, or the help comes out ragged, or split inside a command to copy.
 */
class HelpTextTest {
    private static final int USAGE_WIDTH = 80;

    @Test
    void everyDescriptionElementIsAWholeParagraphOrAnUnwrappedLine() {
        List<String> ragged = new ArrayList<>();
        for (Class<?> command : L4emu.SUBCOMMANDS) {
            collect(new CommandLine(command), ragged);
        }
        assertTrue(ragged.isEmpty(), String.join("\n", ragged));
    }

    private static void collect(CommandLine command, List<String> ragged) {
        String name = command.getCommandSpec().qualifiedName();
        for (String element : command.getCommandSpec().usageMessage().description()) {
            boolean indented = element.startsWith(" ");
            if (indented ? element.length() > USAGE_WIDTH : !element.replace("%n", "").stripTrailing().matches("(?s).*[.:)]")) {
                ragged.add(name + ": " + element);
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, ragged));
    }
}
