package org.l4emu.kernel.system;

/** One consistency rule over a whole description that the schema cannot express. */
@FunctionalInterface
interface SemanticCheck {
    void check(SystemDescription description, Positions positions) throws SystemDescriptionException;
}
