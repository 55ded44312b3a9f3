package org.l4emu.kernel.system;

/** A region of a task's space that sigma0 serves zero-filled on demand; page-aligned. */
public record MemorySpec(int virtualAddress, int size) {}
