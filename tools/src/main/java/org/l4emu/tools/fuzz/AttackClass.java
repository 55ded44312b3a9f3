package org.l4emu.tools.fuzz;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;

/**
 * The fuzzers' generator classes, the same at both levels: the guest fuzzer's threads pick one
 * per system call (guest-programs/src/common/fuzz_classes.h lists them in this order, and the
 * index is what a guest writes to its UTCB's ThreadWord2 before each call), and the
 * kernel-level fuzzer's Java generators implement each. A run counts its calls per class.
 */
public enum AttackClass {
    RANDOM("adversarial arguments to every system call, ipc(nil, nil), undefined numbers"),
    UTCB_REWRITE("siblings rewrite a blocked thread's tag, typed items and buffer registers"),
    FPAGES("fpages of every size and alignment as receive window, map and grant item, unmap and send base"),
    KERNEL_PAGES("map and grant aimed at the boot info page, UTCB pages and the edges of the user range"),
    FORGED_HANDLERS("forged Pager and ExceptionHandler words, then page faults and exceptions"),
    MONITOR_FORWARD("forwards with every option and parameter block, naming unrelated true and blocked sources"),
    RULE_CHURN("redirect rules added and removed while IPCs are in flight"),
    TASK_CHURN("tasks and threads created and deleted");

    private final String description;

    AttackClass(String description) {
        this.description = description;
    }

    /** The name on the command line and in summaries: {@code utcb-rewrite}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    /** The class called {@code label}. */
    public static AttackClass ofLabel(String label) {
        for (AttackClass attackClass : values()) {
            if (attackClass.label().equals(label)) {
                return attackClass;
            }
        }
        throw new IllegalArgumentException("unknown generator class '" + label + "' (one of " + labels() + ")");
    }

    public static String labels() {
        return String.join(", ", new Labels());
    }

    /** The labels, for the command line's help. */
    public static final class Labels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(AttackClass::label).iterator();
        }
    }

    /** Reads a label on the command line. */
    public static final class Converter implements CommandLine.ITypeConverter<AttackClass> {
        @Override
        public AttackClass convert(String value) {
            try {
                return ofLabel(value.trim());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The bit mask a guest reads (bit i: class i enabled); 0 would mean all. */
    public static int mask(Set<AttackClass> classes) {
        int mask = 0;
        for (AttackClass attackClass : classes) {
            mask |= 1 << attackClass.ordinal();
        }
        return mask;
    }

    public static Set<AttackClass> all() {
        return EnumSet.allOf(AttackClass.class);
    }
}
