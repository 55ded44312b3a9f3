package org.l4emu.tools.trace;

/** A task as a trace defines it. */
public record TaskInfo(int number, String name, boolean privileged, boolean monitor) {}
