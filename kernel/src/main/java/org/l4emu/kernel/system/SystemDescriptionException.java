package org.l4emu.kernel.system;

/**
 * A system description that cannot be used: missing, not well-formed, not valid against the
 * schema, or inconsistent. The message is one line, normally {@code "file:line:col: problem"}.
 */
public final class SystemDescriptionException extends Exception {
    public SystemDescriptionException(String message) {
        // Parser messages occasionally span lines; callers print these as one-line diagnostics.
        super(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
