package org.l4emu.tools.trace;

import java.util.Collection;
import java.util.List;
import java.util.SequencedSet;
import java.util.LinkedHashSet;

/**
 * The thread or task names a trace, a system or a run has, to refuse any other name the same way
 * everywhere: a name that is not there would otherwise select nothing, silently.
 *
 * @param kind "thread" or "task"
 * @param place the trace or system file the names come from, as the user gave it
 */
public record KnownNames(String kind, String place, SequencedSet<String> names) {
    /** How many names the message lists before it stops. */
    private static final int LISTED = 8;

    public KnownNames(String kind, String place, Collection<String> names) {
        this(kind, place, new LinkedHashSet<>(names));
    }

    /** Throws IllegalArgumentException ("no task 'x' in FILE (tasks: a, b)") for a name not known. */
    public void require(String name) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException(unknown(name));
        }
    }

    /** The same for the names an option gave, the message starting with the option ("--task: no task ..."). */
    public void requireAll(String option, Collection<String> given) {
        for (String name : given) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(option + ": " + unknown(name));
            }
        }
    }

    private String unknown(String name) {
        return "no " + kind + " '" + name + "' in " + place + " (" + kind + "s: " + listed() + ")";
    }

    private String listed() {
        if (names.isEmpty()) {
            return "none";
        }
        List<String> shown = names.stream().limit(LISTED).toList();
        return String.join(", ", shown) + (names.size() > LISTED ? ", ... " + names.size() + " in all" : "");
    }
}
