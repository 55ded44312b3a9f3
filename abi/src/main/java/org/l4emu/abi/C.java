package org.l4emu.abi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How a group of {@link Abi} constants appears in the SDK's generated header (see {@code CHeader}). */
public final class C {
    private C() {}

    /**
     * A group of constants: each public static final int, long or {@link BitField} field becomes
     * {@code prefix + NAME} ({@code _SHIFT}, {@code _BITS}, {@code _MASK} for a bit field).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Group {
        /** The docs/abi.md section that defines the group. */
        String section();

        String prefix();

        /** A C enum of this tag (the SDK's functions take it), or "" for #defines. */
        String enumTag() default "";

        /**
         * A macro for an array initializer of the group's names, indexed by value, taken from the
         * group's {@code static String name(int)}; "" for none.
         */
        String namesMacro() default "";
    }

    /** A field's C name where {@code prefix + NAME} would not be the SDK's name. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Name {
        String value();
    }
}
