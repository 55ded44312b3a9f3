package org.l4emu.tools.harness;

import java.util.List;

/**
 * A case file ({@code NAME.test.yaml}) as written, before paths are resolved and patterns
 * compiled; every key but {@code system} may be left out.
 */
record CaseFile(String description, List<String> arch, String system, List<String> options, Integer exit,
                Text console, Text log, Text ipc) {

    /** An expectation on one text: {@code golden} a file beside the case, {@code match} and {@code absent} lines. */
    record Text(String golden, List<String> match, List<String> absent) {}
}
