package org.l4emu.tools.replay;

/**
 * A hit and where the run stood for it: {@code at}, where the forward run stopped (before a
 * breakpoint's instruction, after a watched access, after the kernel step that wrote watched
 * memory), and {@code before}, the last position before what it reports happened (before the
 * accessing instruction, at the end of the previous kernel step). Reverse execution goes to
 * {@code before}: there the watched memory still holds what the write replaced.
 */
public record Stop(Hit hit, Position at, Position before) {
    /** The stop of {@code hit} heard at {@code at}; {@code stepStart} is where the kernel step began. */
    public static Stop of(Hit hit, Position at, Position stepStart) {
        Position before = switch (hit) {
            case Hit.Code code -> at;
            case Hit.Access access -> new Position(at.instructions() - 1, stepStart.events());
            case Hit.Kernel kernel -> stepStart;
        };
        return new Stop(hit, at, before);
    }
}
