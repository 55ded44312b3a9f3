package org.l4emu.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Marks a guest-level test that is about an ARM-only feature (Thumb-2, say), so it runs only
 * when {@link GuestRun#ARCHITECTURE} is arm. Every other guest-level test must pass on every
 * architecture.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "org.l4emu.kernel.GuestRun#armGuests", disabledReason = "an ARM-only feature")
public @interface ArmOnly {
    /** Why the test cannot run elsewhere. */
    String value();
}
